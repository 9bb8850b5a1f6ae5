package dev.kafkapipeline.f1.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.f1.ArchiveFixtures;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.testsupport.F1Archive;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Facts about real sessions of the archive sample, checked against published race results. */
class ArchiveSessionsTest {
    private static ArchiveClient archive;
    private static SessionLaps baku2018;
    private static SessionLaps baku2023;
    private static SessionLaps miami2025;

    @BeforeAll
    static void load() {
        archive = new ArchiveClient(ArchiveSettings.of(F1Archive.root().toString()));
        SessionLoader loader = new SessionLoader(archive);
        baku2018 = loader.load(ArchiveFixtures.BAKU_2018_RACE);
        baku2023 = loader.load(ArchiveFixtures.BAKU_2023_SPRINT);
        miami2025 = loader.load(ArchiveFixtures.MIAMI_2025_SPRINT);
    }

    @AfterAll
    static void close() {
        archive.close();
    }

    private static String best(List<Lap> laps) {
        return TimeText.lapTime(laps.stream().map(Lap::lapTime).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElseThrow());
    }

    @Test
    void baku2018Session() {
        Session s = baku2018.session();
        assertEquals(ArchiveFixtures.BAKU_2018_RACE, s.key());
        assertEquals("Baku", s.track());
        assertEquals(Instant.parse("2018-04-29T12:10:00Z"), s.start());
        assertTrue(s.isRace());
        assertEquals(20, baku2018.drivers().size());
        // All twenty started; Ocon and Sirotkin, out on lap 1, keep that lap (RawEvidenceTest).
        assertEquals(List.of(), baku2018.drivers().stream().map(Driver::code)
                .filter(code -> baku2018.lapsOf(code).isEmpty()).toList());
    }

    @Test
    void baku2018Leclerc() {
        List<Lap> lec = baku2018.lapsOf("LEC");
        assertEquals(51, lec.size());
        assertEquals(IntStream.rangeClosed(1, 51).boxed().toList(), lec.stream().map(Lap::number).toList());
        assertEquals("01:47.403", best(lec));
        assertTrue(lec.stream().noneMatch(Lap::incomplete));
        for (Lap lap : lec) {
            int expectedStint = lap.number() <= 24 ? 1 : lap.number() <= 40 ? 2 : 3;
            String expectedCompound = lap.number() <= 24 ? "SUPERSOFT" : lap.number() <= 40 ? "SOFT" : "ULTRASOFT";
            assertEquals(expectedStint, lap.stint(), "stint of lap " + lap.number());
            assertEquals(expectedCompound, lap.compound(), "compound of lap " + lap.number());
            assertEquals(lap.number() == 24 || lap.number() == 40, lap.pitIn(), "pit in on lap " + lap.number());
            assertEquals(lap.number() == 25 || lap.number() == 41, lap.pitOut(), "pit out on lap " + lap.number());
        }
        assertEquals(1, lec.get(0).tyreLife());
        assertEquals(24, lec.get(23).tyreLife());
        assertEquals(1, lec.get(24).tyreLife());
        assertEquals(Boolean.TRUE, lec.get(40).freshTyre());
    }

    @Test
    void baku2018VerstappenCrashedOnLap40() {
        List<Lap> ver = baku2018.lapsOf("VER");
        assertEquals(40, ver.size());
        assertEquals(39, ver.stream().filter(l -> !l.incomplete()).count());
        Lap last = ver.get(39);
        assertTrue(last.incomplete());
        assertNull(last.lapTime());
        assertNull(last.position());
        assertEquals("01:45.771", best(ver));
    }

    @Test
    void positionsRankLapsCompletedInTheSameLap() {
        for (int n = 1; n <= 51; n++) {
            int lap = n;
            List<Integer> positions = baku2018.laps().stream().filter(l -> l.number() == lap && !l.incomplete())
                    .map(Lap::position).sorted().toList();
            assertEquals(IntStream.rangeClosed(1, positions.size()).boxed().toList(), positions, "positions on lap " + n);
        }
        // Vettel led lap 1 from pole; the classified finishers crossed the line on lap 51 in this order.
        assertEquals(1, baku2018.lapsOf("VET").get(0).position());
        assertEquals(List.of("HAM", "RAI", "PER", "VET", "SAI", "LEC", "ALO", "STR", "VAN", "HAR", "ERI", "GAS", "MAG"),
                baku2018.laps().stream().filter(l -> l.number() == 51).sorted(Comparator.comparing(Lap::position))
                        .map(l -> l.driver().code()).toList());
    }

    /**
     * The timing lost Leclerc at the line after lap 49: NumberOfLaps 49 came 39 s late (01:48:40), by when the
     * running order had dropped him to 14th and back to 6th. Lap 51's sector 2 arrived at 01:51:09.715; with its
     * sector 3 (26.220) lap 51 ended at 01:51:35.935, 81 ms before its count. Lap 51's time (1:47.632) puts the end
     * of lap 50 at 01:49:48.303, and lap 50's (1:48.004) the end of lap 49 at 01:48:00.299, where the Position
     * messages had him 6th behind Sainz.
     */
    @Test
    void baku2018LeclercLap49CountedLateKeepsHisPlaceAndLap50Time() {
        List<Lap> lec = baku2018.lapsOf("LEC");
        assertEquals("01:48.004", TimeText.lapTime(lec.get(49).lapTime()));
        assertEquals(TimeText.millis("1:48:00.299"), lec.get(48).endTime());
        assertEquals(TimeText.millis("1:48:00.299"), lec.get(49).startTime());
        for (int n = 48; n <= 51; n++) {
            assertEquals(6, lec.get(n - 1).position(), "position on lap " + n);
        }
        // Sector 1 of lap 50 is not in the data: its timing point sent an empty value (01:48:39.156).
        assertNull(lec.get(49).sector1());
        assertEquals(TimeText.millis("26.184"), lec.get(48).sector3());
        // The same happened to Magnussen on lap 7 (counted 57 s late) and Sainz on lap 8 (35 s).
        assertEquals("01:53.417", TimeText.lapTime(baku2018.lapsOf("MAG").get(7).lapTime()));
        assertFalse(baku2018.lapsOf("SAI").get(8).lapTimeDerived(), "SAI lap 9 keeps its own 1:49.162");
    }

    @Test
    void baku2023Sprint() {
        List<Lap> ver = baku2023.lapsOf("VER");
        List<Lap> lec = baku2023.lapsOf("LEC");
        assertEquals(17, ver.size());
        assertEquals(17, lec.size());
        assertTrue(ver.stream().allMatch(l -> "MEDIUM".equals(l.compound())));
        assertTrue(lec.stream().allMatch(l -> "MEDIUM".equals(l.compound())));
        assertEquals("01:43.723", best(ver));
        assertEquals("01:43.646", best(lec));
        // Both left the pits for the grid 34 minutes before the start; neither started from the pit lane.
        assertFalse(lec.get(0).pitOut());
        assertFalse(ver.get(0).pitOut());
    }

    @Test
    void miami2025VerstappenSwitchedFromIntermediatesToSofts() {
        List<Lap> ver = miami2025.lapsOf("VER");
        for (Lap lap : ver) {
            assertEquals(lap.number() <= 12 ? "INTERMEDIATE" : "SOFT", lap.compound(), "compound of lap " + lap.number());
        }
        assertTrue(ver.size() >= 13);
    }

    @Test
    void sectorsAddUpToTheLapTime() {
        int checked = 0;
        for (SessionLaps session : List.of(baku2018, baku2023, miami2025)) {
            for (Lap lap : session.laps()) {
                if (lap.lapTime() != null && !lap.lapTimeDerived() && lap.sector1() != null && lap.sector2() != null && lap.sector3() != null) {
                    long sum = lap.sector1() + lap.sector2() + lap.sector3();
                    assertTrue(Math.abs(sum - lap.lapTime()) <= 1,
                            session.session().key() + " " + lap.driver().code() + " lap " + lap.number() + ": " + sum + " vs " + lap.lapTime());
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, "only " + checked + " laps had all times");
    }

    @Test
    void aLapTimeOf150sOrMoreIsKept() {
        assertTrue(baku2018.lapsOf("LEC").stream().anyMatch(l -> l.lapTime() != null && l.lapTime() >= 150_000 && !l.lapTimeDerived()));
    }

    @Test
    void theSafetyCarShowsInTheTrackStatus() {
        Lap lap2 = baku2018.lapsOf("LEC").get(1);
        assertTrue(lap2.trackStatus().contains("4"), lap2.trackStatus());
        assertFalse(baku2018.lapsOf("LEC").get(30).trackStatus().contains("4"));
    }
}
