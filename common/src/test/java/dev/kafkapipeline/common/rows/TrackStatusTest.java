package dev.kafkapipeline.common.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackStatusTest {
    @Test
    void readsBackWhatItWrites() {
        TrackStatus status = new TrackStatus(List.of("1", "2", "4"));
        assertEquals("1,2,4", status.text());
        assertEquals(status, TrackStatus.parse(status.text()));
    }

    @Test
    void safetyCarAndVirtualSafetyCarCodesNeutraliseALapAndNoOtherDoes() {
        for (String text : List.of("4", "1,4", "4,1", "6", "2,7")) {
            assertTrue(TrackStatus.parse(text).neutralised(), text);
        }
        // 5 is the red flag: the session stops; it is no lap behind a safety car.
        for (String text : List.of("1", "1,2", "5", "1,5", "3")) {
            assertFalse(TrackStatus.parse(text).neutralised(), text);
        }
    }

    @Test
    void codesAreWholeCodesNeverDigitsOfOthers() {
        // "14" is one (unknown) code, not clear then safety car: the comma is the only separator.
        assertFalse(TrackStatus.parse("14").neutralised());
        assertEquals(List.of("14"), TrackStatus.parse("14").codes());
    }

    @Test
    void anythingButACommaListOfCodesIsRefusedWithTheText() {
        for (String text : List.of("", "1,", "1, 4", "1;4", "SC", "1,,4")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrackStatus.parse(text), text);
            assertTrue(e.getMessage().startsWith("track status \"" + text + "\" is not a comma list of codes"), e.getMessage());
        }
    }
}
