package dev.kafkapipeline.f1.laps;

import static dev.kafkapipeline.f1.laps.SampleSessions.lap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.f1.ArchiveFixtures;
import org.junit.jupiter.api.Test;

/**
 * Lap rules proven on the raw lines of the archive sample (issue 12). Each test
 * cites the lines it rests on; the expected values were read off those lines,
 * not off this code's output.
 */
class RawEvidenceTest {

    /**
     * 2021 Monza FP2, VET (car 5): {@code 00:39:27.958 InPit:false}, then the lap count 12 at 00:39:27.972, 14 ms
     * later: the exit starts lap 12. He comes in at {@code 00:40:58.301 InPit:true} and leaves with
     * {@code 00:41:22.914 {InPit:false, PitOut:true, NumberOfLaps:13}}: lap 12 is an out-lap and an in-lap, and
     * the second exit starts lap 13 without taking lap 12's. LAT, TSU and RIC left the pits on lap 1
     * ({@code InPit:false} with {@code NumberOfLaps:1}); BOT and GIO left them on lap 12.
     */
    @Test
    void aPitExitStartsTheLapAfterItAndNeverTakesAnEarlierExitsPlace() {
        SessionLaps fp2 = SampleSessions.load(ArchiveFixtures.MONZA_2021_FP2);
        Lap vet12 = lap(fp2, "VET", 12);
        assertTrue(vet12.pitOut() && vet12.pitIn(), "VET lap 12: out of the pits and back in " + vet12);
        assertTrue(lap(fp2, "VET", 13).pitOut(), "VET lap 13 starts at the second exit");
        for (String code : new String[] {"LAT", "TSU", "RIC"}) {
            assertTrue(lap(fp2, code, 1).pitOut(), code + " left the pits on lap 1");
        }
        assertTrue(lap(fp2, "BOT", 12).pitOut(), "BOT left the pits on lap 12");
        assertTrue(lap(fp2, "GIO", 12).pitOut(), "GIO left the pits on lap 12");
    }

    /** The tyre stints follow the pit exits: with the exits in place the sets land on the laps TimingAppData says. */
    @Test
    void withTheExitsInPlaceEachLapIsOnItsSet() {
        SessionLaps fp2 = SampleSessions.load(ArchiveFixtures.MONZA_2021_FP2);
        assertTyres(lap(fp2, "VET", 23), "SOFT", 7, 7);
        assertTyres(lap(fp2, "STR", 14), "SOFT", 5, 4);
        assertTyres(lap(fp2, "GIO", 16), "SOFT", 3, 7);
        for (int n = 16; n <= 22; n++) {
            assertEquals(Boolean.TRUE, lap(fp2, "HAM", n).freshTyre(), "HAM lap " + n + " is on the new set fitted after lap 15");
        }
        assertTrue(fp2.warnings().stream().noneMatch(w -> w.contains("VET") || w.contains("STR") || w.contains("HAM")
                || w.contains("LAT") || w.contains("TSU")), fp2.warnings().toString());
    }

    private static void assertTyres(Lap lap, String compound, int stint, int tyreLife) {
        String which = lap.driver().code() + " lap " + lap.number();
        assertEquals(compound, lap.compound(), which);
        assertEquals(stint, lap.stint(), which);
        assertEquals(tyreLife, lap.tyreLife(), which);
    }
}
