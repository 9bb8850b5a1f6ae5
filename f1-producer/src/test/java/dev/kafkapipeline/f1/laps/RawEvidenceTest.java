package dev.kafkapipeline.f1.laps;

import static dev.kafkapipeline.f1.laps.SampleSessions.lap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.f1.ArchiveFixtures;
import java.util.List;
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

    /**
     * 2021 Monza FP2: the lap count rises at the pit exit, not at the line (VET: lap 11's sector 3 and LastLapTime at
     * 00:39:07.8, {@code NumberOfLaps:12} at the exit 00:39:27.972), so the in-lap of a car's last run never gets its
     * count. VET's last lap: {@code 01:16:36.331 InPit:true}, {@code 01:16:41.016 LastLapTime 1:33.687}; LEC
     * {@code 01:09:53.071 InPit:true}, {@code 01:09:55.631 LastLapTime 1:30.389}; GAS {@code 01:16:04.768
     * InPit:true}, {@code 01:16:08.242 LastLapTime 1:59.162}. STR's last lap has sectors 1 and 2 (30.898, 33.955) and
     * {@code 01:17:22.327 InPit:true} but no lap time; SAI stopped on lap 14 ({@code 00:42:00.287 Stopped:true}) and
     * was brought into the pits ({@code 00:52:16.300 InPit:true}) with sector 2 (29.157) and no lap time.
     */
    @Test
    void theInLapOfTheLastRunIsKeptAndIncompleteWithoutALapTime() {
        SessionLaps fp2 = SampleSessions.load(ArchiveFixtures.MONZA_2021_FP2);
        assertLastInLap(fp2, "VET", 28, "01:33.687");
        assertLastInLap(fp2, "LEC", 21, "01:30.389");
        assertLastInLap(fp2, "GAS", 24, "01:59.162");
        for (Lap lap : new Lap[] {lap(fp2, "STR", 28), lap(fp2, "SAI", 14)}) {
            assertTrue(lap.incomplete() && lap.pitIn() && lap.lapTime() == null, lap.toString());
            assertEquals(lap.number(), fp2.lapsOf(lap.driver().code()).size(), lap.driver().code() + "'s last lap");
        }
        assertEquals(30_898L, lap(fp2, "STR", 28).sector1());
        assertEquals(29_157L, lap(fp2, "SAI", 14).sector2());
    }

    /**
     * 2021 Monza FP2, HAM: lap 18 ends at {@code 01:07:04.290 {NumberOfLaps:19, LastLapTime 1:23.554}} with sectors
     * 27.837 and 28.190, so its sector 3 is 27.527, which arrives 8.3 s late ({@code 01:07:12.552}). Lap 19 ends at
     * {@code 01:08:27.831 LastLapTime 1:23.542} and its sector 3, 27.662, arrives 0.5 s after the line: 27.889 +
     * 27.991 + 27.662 = 1:23.542.
     */
    @Test
    void aLateSectorThatCompletesThePreviousLapTimeBelongsToThatLap() {
        SessionLaps fp2 = SampleSessions.load(ArchiveFixtures.MONZA_2021_FP2);
        assertEquals(27_527L, lap(fp2, "HAM", 18).sector3());
        assertEquals(27_662L, lap(fp2, "HAM", 19).sector3());
    }

    /**
     * 2023 Baku sprint, OCO (car 31): {@code 00:15:00.927 InPit:true} half an hour before the start (00:45:16.328),
     * then the pit-lane start {@code 00:45:29.343 InPit:false}; his next entry is on lap 3. 2025 Miami sprint: the red
     * flag at 00:46:49 sends the field into the pit lane before the start (RUS {@code 00:47:50.280 InPit:true}, out at
     * {@code 01:11:02.733}).
     */
    @Test
    void aPitEntryBeforeTheStartIsNoLap1Stop() {
        SessionLaps baku = SampleSessions.load(ArchiveFixtures.BAKU_2023_SPRINT);
        assertFalse(lap(baku, "OCO", 1).pitIn());
        assertTrue(lap(baku, "OCO", 1).pitOut(), "a pit-lane start");
        assertTrue(lap(baku, "OCO", 3).pitIn());
        SessionLaps miami = SampleSessions.load(ArchiveFixtures.MIAMI_2025_SPRINT);
        List<String> lap1InLaps = miami.laps().stream().filter(l -> l.number() == 1 && l.pitIn()).map(l -> l.driver().code()).toList();
        assertEquals(List.of(), lap1InLaps);
        assertEquals(19, miami.laps().stream().filter(l -> l.number() == 1).count());
    }

    /**
     * 2018 Baku: OCO (car 31) was timed after the start (00:07:42.253; {@code 00:07:50.782 GapToLeader:"+1.360"}) and
     * stopped on lap 1 ({@code 00:09:18.334 Stopped:true}); SIR (car 35) likewise ({@code 00:07:51.387 GapToLeader:
     * "+2.048"}, {@code 00:09:34.415 Stopped:true}). 2025 Miami: LEC stopped on the way to the grid and never had a
     * gap to the leader after the start.
     */
    @Test
    void aCarThatStopsOnLap1AfterBeingTimedKeepsAnIncompleteLap1() {
        SessionLaps baku = SampleSessions.load(ArchiveFixtures.BAKU_2018_RACE);
        for (String code : new String[] {"OCO", "SIR"}) {
            List<Lap> laps = baku.lapsOf(code);
            assertEquals(1, laps.size(), code);
            Lap lap1 = laps.get(0);
            assertTrue(lap1.incomplete(), code);
            assertNull(lap1.lapTime(), code);
            assertNull(lap1.position(), code);
        }
        assertEquals(TimeText.millis("9:18.334"), baku.lapsOf("OCO").get(0).endTime());
        assertEquals(List.of(), SampleSessions.load(ArchiveFixtures.MIAMI_2025_SPRINT).lapsOf("LEC"));
    }

    /**
     * A lap ends at the earliest evidence of the line, not when its count arrives. 2018 Baku lap 48: BOT's
     * {@code GapToLeader:"LAP 49"} at 01:46:04.959 says he led over the line, but {@code NumberOfLaps:48} came only
     * at 01:46:09.440, after HAM (1.253 s behind) and RAI had been counted. Lap 9: VER crossed sixth, behind HUL.
     * 2023 Baku sprint lap 13: at the line BOT was {@code +33.586} and DEV {@code +33.668} behind the leader.
     */
    @Test
    void aLapEndsAtTheEarliestEvidenceOfTheLine() {
        SessionLaps baku = SampleSessions.load(ArchiveFixtures.BAKU_2018_RACE);
        assertPositions(baku, 48, "BOT", 1, "HAM", 2, "RAI", 3);
        assertPositions(baku, 9, "HUL", 5, "VER", 6);
        assertPositions(SampleSessions.load(ArchiveFixtures.BAKU_2023_SPRINT), 13, "BOT", 15, "DEV", 16);
    }

    /**
     * Lap ends closer than 50 ms do not tell who crossed first; the gaps to the leader at the line do. 2018 lap 7:
     * VER {@code +8.871} (00:25:20.374), SAI {@code +8.883} (00:25:20.509); lap 48: VAN {@code +10.241}, GAS
     * {@code +10.252}.
     */
    @Test
    void carsThatCrossTheLineTogetherAreOrderedByTheirGapsAtTheLine() {
        SessionLaps baku = SampleSessions.load(ArchiveFixtures.BAKU_2018_RACE);
        assertPositions(baku, 7, "VER", 4, "SAI", 5);
        assertPositions(baku, 48, "VAN", 10, "GAS", 11);
    }

    /**
     * 2021 Monza FP2 was stopped by a red flag ({@code 00:41:50.095 Aborted}, restarted {@code 00:54:00.120}). NOR's
     * in-lap 13 ended at the line at {@code 00:36:35.526} (LastLapTime 1:33.638), though its count came only when he
     * left the pits at {@code 00:56:25.493}, after the restart, which began lap 14: neither ran under the red flag.
     * SAI's lap 14, on which he stopped, did.
     */
    @Test
    void theFirstLapAfterARedFlagBeginsWhenTheCarLeavesThePits() {
        SessionLaps fp2 = SampleSessions.load(ArchiveFixtures.MONZA_2021_FP2);
        assertEquals("1", lap(fp2, "NOR", 13).trackStatus());
        assertEquals("1", lap(fp2, "NOR", 14).trackStatus());
        assertEquals(TimeText.millis("56:25.493"), lap(fp2, "NOR", 14).startTime());
        assertTrue(lap(fp2, "SAI", 14).trackStatus().contains("5"), lap(fp2, "SAI", 14).trackStatus());
    }

    private static void assertPositions(SessionLaps session, int number, Object... codesAndPositions) {
        for (int i = 0; i < codesAndPositions.length; i += 2) {
            String code = (String) codesAndPositions[i];
            assertEquals(codesAndPositions[i + 1], lap(session, code, number).position(), code + " on lap " + number);
        }
    }

    private static void assertLastInLap(SessionLaps session, String code, int number, String lapTime) {
        Lap lap = lap(session, code, number);
        assertEquals(number, session.lapsOf(code).size(), code + "'s last lap");
        assertTrue(lap.pitIn() && !lap.incomplete(), lap.toString());
        assertEquals(lapTime, TimeText.lapTime(lap.lapTime()));
    }

    private static void assertTyres(Lap lap, String compound, int stint, int tyreLife) {
        String which = lap.driver().code() + " lap " + lap.number();
        assertEquals(compound, lap.compound(), which);
        assertEquals(stint, lap.stint(), which);
        assertEquals(tyreLife, lap.tyreLife(), which);
    }
}
