package dev.kafkapipeline.vis.race;

import static dev.kafkapipeline.vis.Laps.lap;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.vis.Laps;
import dev.kafkapipeline.vis.data.LapRow;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StintsTest {

    @Test
    void oneStintPerStintNumberEvenWhenLapOneReportsNoOrAnotherCompound() {
        List<LapRow> laps = Stream.of(
                lap("VER", 1, null).tyre(null, 1, true),
                lap("VER", 2, 107_000).tyre("ULTRASOFT", 1, true),
                lap("VER", 3, 106_000).tyre("ULTRASOFT", 1, true).pitIn(),
                lap("VER", 4, 115_000).tyre("SUPERSOFT", 2, false).pitOut(),
                lap("VER", 5, 105_000).tyre("SUPERSOFT", 2, false))
                .map(Laps::row).toList();

        assertEquals(List.of(
                new Stint("VER", 1, "ULTRASOFT", true, 1, 3),
                new Stint("VER", 2, "SUPERSOFT", false, 4, 5)), Stints.of(laps));
    }

    @Test
    void driversKeepTheirFirstSeenOrderAndLapsAreSortedWithinADriver() {
        List<LapRow> laps = Stream.of(
                lap("LEC", 2, 110_000).tyre("SOFT", 1, true),
                lap("VER", 1, 110_000).tyre("SOFT", 1, true),
                lap("LEC", 1, 110_000).tyre("SOFT", 1, true))
                .map(Laps::row).toList();

        assertEquals(List.of(
                new Stint("LEC", 1, "SOFT", true, 1, 2),
                new Stint("VER", 1, "SOFT", true, 1, 1)), Stints.of(laps));
    }

    @Test
    void withoutStintNumbersAPitStopStartsTheNextStint() {
        List<LapRow> laps = Stream.of(
                lap("LEC", 1, 110_000).tyre("soft", null, null),
                lap("LEC", 2, 130_000).tyre("soft", null, null).pitIn(),
                lap("LEC", 3, 125_000).tyre("medium", null, null).pitOut(),
                lap("LEC", 4, 109_000).tyre("medium", null, null))
                .map(Laps::row).toList();

        assertEquals(List.of(
                new Stint("LEC", 1, "SOFT", true, 1, 2),
                new Stint("LEC", 2, "MEDIUM", true, 3, 4)), Stints.of(laps));
    }

    @Test
    void aStintWithNoReportedCompoundIsUnknown() {
        assertEquals("UNKNOWN", Stints.of(List.of(lap("VER", 1, null).tyre(null, 1, true).row())).get(0).compound());
    }
}
