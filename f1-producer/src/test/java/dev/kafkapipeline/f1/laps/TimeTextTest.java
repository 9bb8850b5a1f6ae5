package dev.kafkapipeline.f1.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeTextTest {
    @Test
    void theArchivesTimeTextsAsMilliseconds() {
        assertEquals(105_771L, TimeText.millis("1:45.771"));
        assertEquals(25_798L, TimeText.millis("25.798"));
        assertEquals(92_340L, TimeText.millis("92.340"), "a slow sector over a minute, written in seconds");
        assertEquals(3_723_400L, TimeText.millis("1:02:03.4"));
        assertEquals(30_000L, TimeText.millis("30"));
        assertEquals(1_361L, TimeText.millis("1.3605"), "a fourth decimal rounds");
        assertEquals(1_360L, TimeText.millis(" 1.360 "));
        assertNull(TimeText.millis(""));
        assertNull(TimeText.millis(null));
    }

    @Test
    void anythingElseIsNotATime() {
        for (String text : List.of("1:4x.771", "1::45.771", ":45.771", "1:45.", "1:2:3:4.5", "-1.000", "NaN", "1e3", "+1.360")) {
            assertThrows(IllegalArgumentException.class, () -> TimeText.millis(text), text);
        }
    }

    @Test
    void millisecondsAsTheTablesColumnsWriteThem() {
        assertEquals("01:45.771", TimeText.lapTime(105_771L));
        assertEquals("92.340", TimeText.sectorTime(92_340L));
        assertNull(TimeText.lapTime(null));
    }
}
