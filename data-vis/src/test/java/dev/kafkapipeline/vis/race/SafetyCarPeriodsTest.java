package dev.kafkapipeline.vis.race;

import static dev.kafkapipeline.vis.Laps.lap;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.vis.Laps;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SafetyCarPeriodsTest {

    @Test
    void safetyCarAndVirtualSafetyCarLapsFromAnyDriverFormRunsAndARedFlagDoesNot() {
        var laps = Stream.of(
                lap("VER", 1, null).status("1,4"),
                lap("VER", 2, 110_000).status("4"),
                lap("LEC", 3, 110_000).status("6"),
                lap("VER", 3, 110_000).status("1"),
                lap("VER", 4, 105_000).status("1,2"),
                lap("LEC", 9, 110_000).status("7"),
                lap("LEC", 10, 105_000).status("2"),
                lap("LEC", 12, 105_000).status("1,5"))
                .map(Laps::row).toList();

        assertEquals(List.of(new LapRange(1, 3), new LapRange(9, 9)), SafetyCarPeriods.of(laps));
    }

    @Test
    void aGreenRaceHasNone() {
        assertEquals(List.of(), SafetyCarPeriods.of(List.of(lap("VER", 1, 110_000).row())));
    }
}
