package dev.kafkapipeline.vis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LapTimesTest {

    @Test
    void readsMinutesSecondsAndHours() {
        assertEquals(Optional.of(105.123), LapTimes.seconds("01:45.123"));
        assertEquals(Optional.of(31.5), LapTimes.seconds("31.500"));
        assertEquals(Optional.of(3723.25), LapTimes.seconds("1:02:03.250"));
    }

    @Test
    void emptyTextIsNoTime() {
        assertTrue(LapTimes.seconds(null).isEmpty());
        assertTrue(LapTimes.seconds(" ").isEmpty());
    }

    @Test
    void garbageNamesTheText() {
        var error = assertThrows(IllegalArgumentException.class, () -> LapTimes.seconds("1:xx.5"));
        assertTrue(error.getMessage().contains("'1:xx.5'"), error.getMessage());
    }
}
