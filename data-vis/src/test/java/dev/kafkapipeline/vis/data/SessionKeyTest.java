package dev.kafkapipeline.vis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionKeyTest {

    @Test
    void eventNameYearSessionAndDateComeFromTheArchivePath() {
        SessionKey key = SessionKey.parse("2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race");
        assertEquals(2018, key.year());
        assertEquals("Azerbaijan Grand Prix", key.eventName());
        assertEquals("Race", key.sessionName());
        assertEquals(Optional.of(LocalDate.of(2018, 4, 29)), key.date());
        assertEquals("2018 Azerbaijan Grand Prix", key.title());
    }

    @Test
    void aKeyThatIsNoArchivePathIsRejectedByName() {
        var error = assertThrows(IllegalArgumentException.class, () -> SessionKey.parse("baku"));
        assertEquals("session key 'baku' is not <year>/<date>_<event>/<date>_<session>", error.getMessage());
    }
}
