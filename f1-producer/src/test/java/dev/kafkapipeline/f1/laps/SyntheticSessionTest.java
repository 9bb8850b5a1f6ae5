package dev.kafkapipeline.f1.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveException;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.f1.stream.StreamFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lap rules and bad input, on small hand-written sessions. */
class SyntheticSessionTest {
    private static final String PATH = "2099/2099-01-01_Test_Grand_Prix/2099-01-01_Race";
    @TempDir
    Path archive;
    private Path session;

    @BeforeEach
    void writeCommonFiles() throws IOException {
        session = Files.createDirectories(archive.resolve(PATH));
        write("SessionInfo", "00:00:00.000{\"Meeting\":{\"Name\":\"Test Grand Prix\",\"Location\":\"Nowhere\",\"Circuit\":{\"ShortName\":\"Loop\"}},"
                + "\"Type\":\"Race\",\"Name\":\"Race\",\"StartDate\":\"2099-01-01T15:00:00\",\"GmtOffset\":\"-03:00:00\"}");
        write("SessionStatus", "00:00:01.000{\"Status\":\"Inactive\"}", "00:01:00.000{\"Status\":\"Started\"}",
                "00:30:00.000{\"Status\":\"Finished\"}");
        write("DriverList", "00:00:01.000{\"1\":{\"Tla\":\"AAA\",\"FullName\":\"Ann AAA\",\"TeamName\":\"Red\"},"
                + "\"2\":{\"Tla\":\"BBB\",\"FullName\":\"Bob BBB\",\"TeamName\":\"Blue\"}}");
        write("TrackStatus", "00:03:30.000{\"Status\":\"4\",\"Message\":\"SCDeployed\"}", "00:05:00.000{\"Status\":\"1\",\"Message\":\"AllClear\"}");
    }

    private void write(String topic, String... lines) throws IOException {
        Files.writeString(session.resolve(topic + ".jsonStream"), "\uFEFF" + String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    }

    private SessionLaps load() {
        try (ArchiveClient client = new ArchiveClient(ArchiveSettings.of(archive.toString()))) {
            return new SessionLoader(client).load(PATH);
        }
    }

    private static String lap(String driver, String json) {
        return "{\"Lines\":{\"" + driver + "\":" + json + "}}";
    }

    /** Driver 1 runs three laps; lap 2 has no lap time, lap 3's time arrives late; he pits after lap 2. */
    private void writeNormalRace() throws IOException {
        write("TimingData",
                "00:00:05.000" + lap("1", "{\"InPit\":false,\"Sectors\":[{\"Value\":\"\"},{\"Value\":\"\"},{\"Value\":\"\"}]}"),
                "00:00:05.000" + lap("2", "{\"InPit\":false}"),
                "00:01:30.000" + lap("1", "{\"Sectors\":{\"0\":{\"Value\":\"30.000\"}}}"),
                "00:02:00.000" + lap("1", "{\"Sectors\":{\"1\":{\"Value\":\"30.000\"}}}"),
                "00:02:40.000" + lap("1", "{\"NumberOfLaps\":1,\"Sectors\":{\"2\":{\"Value\":\"40.000\"}},\"LastLapTime\":{\"Value\":\"1:40.000\"}}"),
                "00:03:20.000" + lap("1", "{\"Sectors\":{\"0\":{\"Value\":\"40.000\"},\"1\":{\"Value\":\"\"},\"2\":{\"Value\":\"\"}}}"),
                "00:04:00.000" + lap("1", "{\"Sectors\":{\"1\":{\"Value\":\"40.000\"}},\"InPit\":true}"),
                "00:04:40.000" + lap("1", "{\"NumberOfLaps\":2,\"Sectors\":{\"2\":{\"Value\":\"40.000\"}}}"),
                "00:05:00.000" + lap("1", "{\"InPit\":false,\"PitOut\":true}"),
                "00:05:35.000" + lap("1", "{\"Sectors\":{\"0\":{\"Value\":\"55.000\"},\"1\":{\"Value\":\"\"},\"2\":{\"Value\":\"\"}}}"),
                "00:06:05.000" + lap("1", "{\"Sectors\":{\"1\":{\"Value\":\"30.000\"}}}"),
                "00:06:40.000" + lap("1", "{\"NumberOfLaps\":3,\"Sectors\":{\"2\":{\"Value\":\"35.000\"}}}"),
                "00:06:42.000" + lap("1", "{\"LastLapTime\":{\"Value\":\"2:00.000\"}}"));
    }

    @Test
    void buildsLapsWithFastF1RulesAndTheImprovements() throws IOException {
        writeNormalRace();
        write("TimingAppData", "00:05:10.000{\"Lines\":{\"1\":{\"Stints\":[{\"Compound\":\"MEDIUM\",\"New\":\"true\",\"StartLaps\":0,\"TotalLaps\":2},"
                + "{\"Compound\":\"HARD\",\"New\":\"false\",\"StartLaps\":3,\"TotalLaps\":3}]}}}");
        SessionLaps result = load();
        assertEquals("2099-01-01T18:00:00Z", result.session().start().toString());
        List<Lap> laps = result.lapsOf("AAA");
        assertEquals(3, laps.size());
        Lap first = laps.get(0);
        assertEquals(100_000L, first.lapTime());
        assertFalse(first.lapTimeDerived());
        assertEquals("MEDIUM", first.compound(), "lap 1 gets the first stint's tyre although the message came later");
        assertEquals(1, first.tyreLife());
        assertEquals(1, first.position());
        assertEquals("1", first.trackStatus());
        Lap second = laps.get(1);
        assertEquals(120_000L, second.lapTime(), "no lap time but three sectors: their sum");
        assertTrue(second.lapTimeDerived());
        assertTrue(second.pitIn());
        assertEquals("1,4", second.trackStatus());
        Lap third = laps.get(2);
        assertEquals(120_000L, third.lapTime(), "a lap time 2 s after the line still belongs to the lap; 150 s cap not involved");
        assertFalse(third.lapTimeDerived());
        assertTrue(third.pitOut());
        assertEquals("HARD", third.compound());
        assertEquals(2, third.stint());
        assertEquals(4, third.tyreLife());
        assertEquals(Boolean.FALSE, third.freshTyre());
        assertEquals("4,1", third.trackStatus());
        assertTrue(result.lapsOf("BBB").isEmpty());
    }

    @Test
    void aDriverWhoRetiresInThePitsKeepsTheLapIntoThePitsIncomplete() throws IOException {
        write("TimingData",
                "00:00:05.000" + lap("1", "{\"InPit\":false}"),
                "00:02:40.000" + lap("1", "{\"NumberOfLaps\":1,\"Sectors\":{\"2\":{\"Value\":\"40.000\"}},\"LastLapTime\":{\"Value\":\"1:40.000\"}}"),
                "00:03:20.000" + lap("1", "{\"Sectors\":{\"0\":{\"Value\":\"40.000\"}}}"),
                "00:04:00.000" + lap("1", "{\"InPit\":true}"),
                "00:04:30.000" + lap("1", "{\"Retired\":true,\"Stopped\":true}"));
        write("TimingAppData", "00:00:05.000{\"Lines\":{\"1\":{\"Stints\":[{\"Compound\":\"SOFT\",\"New\":\"true\",\"StartLaps\":0,\"TotalLaps\":0}]}}}");
        List<Lap> laps = load().lapsOf("AAA");
        assertEquals(2, laps.size());
        assertFalse(laps.get(0).incomplete());
        assertTrue(laps.get(1).incomplete() && laps.get(1).pitIn());
        assertNull(laps.get(1).lapTime());
        assertEquals(40_000L, laps.get(1).sector1());
    }

    @Test
    void aDriverWhoRetiresOnTrackKeepsHisLastLapIncomplete() throws IOException {
        write("TimingData",
                "00:00:05.000" + lap("1", "{\"InPit\":false}"),
                "00:02:40.000" + lap("1", "{\"NumberOfLaps\":1,\"Sectors\":{\"2\":{\"Value\":\"40.000\"}},\"LastLapTime\":{\"Value\":\"1:40.000\"}}"),
                "00:03:20.000" + lap("1", "{\"Sectors\":{\"0\":{\"Value\":\"40.000\"}}}"),
                "00:03:50.000" + lap("1", "{\"Stopped\":true}"));
        write("TimingAppData", "00:00:05.000{\"Lines\":{\"1\":{\"Stints\":[{\"Compound\":\"SOFT\",\"New\":\"true\",\"StartLaps\":0,\"TotalLaps\":0}]}}}");
        List<Lap> laps = load().lapsOf("AAA");
        assertEquals(2, laps.size());
        Lap last = laps.get(1);
        assertTrue(last.incomplete());
        assertNull(last.lapTime());
        assertNull(last.position());
        assertEquals(40_000L, last.sector1());
        assertEquals("SOFT", last.compound());
    }

    @Test
    void aLapTimeLongerThanTheLapItselfIsDroppedButSlowRealLapsAreKept() throws IOException {
        write("TimingData",
                "00:00:05.000" + lap("1", "{\"InPit\":false}"),
                "00:04:00.000" + lap("1", "{\"NumberOfLaps\":1,\"LastLapTime\":{\"Value\":\"2:59.000\"}}"),
                "00:05:00.000" + lap("1", "{\"InPit\":true}"),
                "00:40:00.000" + lap("1", "{\"InPit\":false,\"NumberOfLaps\":2,\"LastLapTime\":{\"Value\":\"36:00.000\"}}"),
                "00:41:50.000" + lap("1", "{\"NumberOfLaps\":3,\"Sectors\":{\"0\":{\"Value\":\"30.000\"},\"1\":{\"Value\":\"40.000\"},"
                        + "\"2\":{\"Value\":\"40.000\"}},\"LastLapTime\":{\"Value\":\"21:50.000\"}}"));
        write("TimingAppData", "00:00:05.000{\"Lines\":{}}");
        List<Lap> laps = load().lapsOf("AAA");
        assertEquals(179_000L, laps.get(0).lapTime(), "a 2:59 lap behind the safety car is real");
        assertEquals(2_160_000L, laps.get(1).lapTime(), "a lap interrupted by a red flag lasted what its time says");
        assertEquals(110_000L, laps.get(2).lapTime(), "an impossible lap time gives way to the sum of the sectors");
        assertTrue(laps.get(2).lapTimeDerived());
    }

    /**
     * AAA's lap 2 is counted 30 s late (the timing lost him at the line, as LEC on lap 49 of 2018 Baku): his lap 3
     * time says lap 2 ended at 04:20, before BBB's at 04:30.
     */
    @Test
    void aLapCountedLateEndsWhereTheNextLapTimeSaysAndKeepsTheNextLapTime() throws IOException {
        write("TimingData",
                "00:00:05.000" + lap("1", "{\"InPit\":false}"),
                "00:00:05.000" + lap("2", "{\"InPit\":false}"),
                "00:02:40.000" + lap("1", "{\"NumberOfLaps\":1,\"LastLapTime\":{\"Value\":\"1:40.000\"}}"),
                "00:02:45.000" + lap("2", "{\"NumberOfLaps\":1,\"LastLapTime\":{\"Value\":\"1:45.000\"}}"),
                "00:04:30.000" + lap("2", "{\"NumberOfLaps\":2,\"LastLapTime\":{\"Value\":\"1:45.000\"}}"),
                "00:04:50.000" + lap("1", "{\"NumberOfLaps\":2,\"LastLapTime\":{\"Value\":\"1:40.000\"}}"),
                "00:06:00.000" + lap("1", "{\"NumberOfLaps\":3,\"Sectors\":{\"2\":{\"Value\":\"25.000\"}},\"LastLapTime\":{\"Value\":\"1:40.000\"}}"),
                "00:06:15.000" + lap("2", "{\"NumberOfLaps\":3,\"LastLapTime\":{\"Value\":\"1:45.000\"}}"));
        write("TimingAppData", "00:00:05.000{\"Lines\":{}}");
        SessionLaps result = load();
        List<Lap> aaa = result.lapsOf("AAA");
        assertEquals(100_000L, aaa.get(2).lapTime(), "lap 3 lasted 1:40 from the real end of lap 2, not 70 s");
        assertEquals(25_000L, aaa.get(2).sector3());
        assertEquals(260_000L, aaa.get(1).endTime(), "06:00 minus lap 3's 1:40");
        assertEquals(260_000L, aaa.get(2).startTime());
        assertEquals(1, aaa.get(1).position(), "AAA crossed the line before BBB (04:30)");
        assertEquals(2, result.lapsOf("BBB").get(1).position());
    }

    /** FastF1 keeps a pit exit on lap 1 only when it came after the start: a pit-lane start, not the exit to the grid. */
    @Test
    void lap1IsAnOutLapOnlyForAPitLaneStart() throws IOException {
        write("TimingData",
                "00:00:02.000" + lap("1", "{\"InPit\":true}"),
                "00:00:02.000" + lap("2", "{\"InPit\":true}"),
                "00:00:20.000" + lap("1", "{\"InPit\":false}"),
                "00:01:20.000" + lap("2", "{\"InPit\":false}"),
                "00:02:40.000" + lap("1", "{\"NumberOfLaps\":1,\"LastLapTime\":{\"Value\":\"1:40.000\"}}"),
                "00:03:00.000" + lap("2", "{\"NumberOfLaps\":1,\"LastLapTime\":{\"Value\":\"1:55.000\"}}"));
        write("TimingAppData", "00:00:05.000{\"Lines\":{}}");
        SessionLaps result = load();
        assertFalse(result.lapsOf("AAA").get(0).pitOut(), "AAA left the pits for the grid before the start (01:00)");
        assertTrue(result.lapsOf("BBB").get(0).pitOut(), "BBB started from the pit lane");
    }

    @Test
    void anUnknownDriverNumberIsAWarningNamingFileAndLine() throws IOException {
        write("TimingData",
                "00:00:05.000" + lap("1", "{\"InPit\":false}"),
                "00:00:06.000" + lap("99", "{\"InPit\":false}"),
                "00:02:40.000" + lap("1", "{\"NumberOfLaps\":1,\"LastLapTime\":{\"Value\":\"1:40.000\"}}"),
                "00:02:41.000" + lap("99", "{\"NumberOfLaps\":1,\"LastLapTime\":{\"Value\":\"1:41.000\"}}"));
        write("TimingAppData", "00:00:05.000{\"Lines\":{}}");
        SessionLaps result = load();
        assertEquals(1, result.laps().size());
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("TimingData.jsonStream line 2: racing number 99")),
                result.warnings().toString());
    }

    @Test
    void aMissingTimingAppDataFileIsAWarningAndLapsKeepNoTyres() throws IOException {
        writeNormalRace();
        SessionLaps result = load();
        assertEquals(3, result.lapsOf("AAA").size());
        assertTrue(result.laps().stream().allMatch(l -> l.compound() == null && l.stint() == null && l.tyreLife() == null));
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith(PATH + "/TimingAppData.jsonStream: not in the archive")),
                result.warnings().toString());
    }

    @Test
    void aTruncatedLineIsAnErrorNamingFileAndLine() throws IOException {
        write("TimingData", "00:00:05.000" + lap("1", "{\"InPit\":false}"), "00:02:40.000{\"Lines\":{\"1\":{\"NumberOf");
        StreamFormatException e = assertThrows(StreamFormatException.class, this::load);
        assertEquals(PATH + "/TimingData.jsonStream", e.file());
        assertEquals(2, e.line());
    }

    @Test
    void invalidJsonIsAnErrorNamingFileAndLine() throws IOException {
        write("DriverList", "00:00:01.000{\"1\":{\"Tla\":\"AAA\",}}");
        writeNormalRace();
        StreamFormatException e = assertThrows(StreamFormatException.class, this::load);
        assertTrue(e.getMessage().startsWith(PATH + "/DriverList.jsonStream line 1: invalid JSON"), e.getMessage());
    }

    @Test
    void anEmptyFileIsAnErrorNamingTheFile() throws IOException {
        Files.writeString(session.resolve("TimingData.jsonStream"), "");
        StreamFormatException e = assertThrows(StreamFormatException.class, this::load);
        assertTrue(e.getMessage().startsWith(PATH + "/TimingData.jsonStream: the file is empty"), e.getMessage());
    }

    @Test
    void aMissingTimingDataFileIsAnError() {
        ArchiveException e = assertThrows(ArchiveException.class, this::load);
        assertEquals(ArchiveException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("TimingData.jsonStream"), e.getMessage());
    }
}
