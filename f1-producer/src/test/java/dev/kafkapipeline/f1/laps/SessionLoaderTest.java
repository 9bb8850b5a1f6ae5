package dev.kafkapipeline.f1.laps;

import static dev.kafkapipeline.f1.laps.TimingLines.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small hand-written session read from files: which files it needs, what it makes of their absence. */
class SessionLoaderTest {
    private static final String PATH = "2099/2099-01-01_Test_Grand_Prix/2099-01-01_Race";
    @TempDir
    Path archive;
    private Path session;

    @BeforeEach
    void writeTheSession() throws IOException {
        session = Files.createDirectories(archive.resolve(PATH));
        write("SessionInfo", "00:00:00.000{\"Meeting\":{\"Name\":\"Test Grand Prix\",\"Location\":\"Nowhere\",\"Circuit\":{\"ShortName\":\"Loop\"}},"
                + "\"Type\":\"Race\",\"Name\":\"Race\",\"StartDate\":\"2099-01-01T15:00:00\",\"GmtOffset\":\"-03:00:00\"}");
        write("SessionStatus", at("00:00:01.000").status("Inactive").text(), at("00:01:00.000").status("Started").text(),
                at("00:30:00.000").status("Finished").text());
        write("DriverList", "00:00:01.000{\"1\":{\"Tla\":\"AAA\",\"FullName\":\"Ann AAA\",\"TeamName\":\"Red\"}}");
        write("TrackStatus", at("00:03:30.000").status("4").text(), at("00:05:00.000").status("1").text());
        write("TimingData",
                at("00:00:05.000").driver("1").inPit(false).text(),
                at("00:02:40.000").driver("1").lapCount(1).sector(0, "30.000").sector(1, "30.000").sector(2, "40.000")
                        .lastLapTime("1:40.000").text(),
                at("00:04:20.000").driver("1").lapCount(2).lastLapTime("1:40.000").text(),
                at("00:35:00.000").driver("1").gap("LAP 3").text());
        write("TimingAppData", at("00:00:05.000").driver("1").stint(0, "MEDIUM", true, 0, 0).text());
    }

    private void write(String topic, String... lines) throws IOException {
        Files.writeString(session.resolve(topic + ".jsonStream"), "\uFEFF" + String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    }

    private SessionLaps load() {
        try (ArchiveClient client = new ArchiveClient(ArchiveSettings.of(archive.toString()))) {
            return new SessionLoader(client).load(PATH);
        }
    }

    @Test
    void readsTheSessionAndItsLaps() {
        SessionLaps result = load();
        Session s = result.session();
        assertEquals(PATH, s.key());
        assertEquals("Test Grand Prix Race", s.name());
        assertEquals("Loop", s.track());
        assertEquals("2099-01-01T18:00:00Z", s.start().toString(), "15:00 local at GMT-3");
        assertTrue(s.isRace());
        assertEquals(List.of("AAA 1 01:40.000 MEDIUM 1", "AAA 2 01:40.000 MEDIUM 2"), result.laps().stream()
                .map(l -> l.driver().code() + " " + l.number() + " " + TimeText.lapTime(l.lapTime()) + " " + l.compound() + " " + l.tyreLife())
                .toList());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void aMissingOptionalFileIsAWarningAndTheLapsLackWhatItHolds() throws IOException {
        Files.delete(session.resolve("TimingAppData.jsonStream"));
        SessionLaps result = load();
        assertEquals(2, result.laps().size());
        assertTrue(result.laps().stream().allMatch(l -> l.compound() == null && l.stint() == null && l.tyreLife() == null));
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).startsWith(PATH + "/TimingAppData.jsonStream: not in the archive"), result.warnings().toString());
        assertTrue(result.warnings().get(0).endsWith("laps have no tyre compound, tyre life or stint"), result.warnings().toString());
    }

    @Test
    void aMissingRequiredFileIsAnError() throws IOException {
        Files.delete(session.resolve("TimingData.jsonStream"));
        ArchiveException e = assertThrows(ArchiveException.class, this::load);
        assertEquals(ArchiveException.Reason.NOT_FOUND, e.reason());
        assertTrue(e.getMessage().contains("TimingData.jsonStream"), e.getMessage());
    }

    @Test
    void invalidJsonIsAnErrorNamingFileAndLine() throws IOException {
        write("DriverList", "00:00:01.000{\"1\":{\"Tla\":\"AAA\",}}");
        StreamFormatException e = assertThrows(StreamFormatException.class, this::load);
        assertTrue(e.getMessage().startsWith(PATH + "/DriverList.jsonStream line 1: invalid JSON"), e.getMessage());
    }

    @Test
    void aTrackStatusThatIsNoCodeIsAnErrorNamingFileAndLine() throws IOException {
        write("TrackStatus", at("00:03:30.000").status("4").text(), at("00:05:00.000").status("SC").text());
        StreamFormatException e = assertThrows(StreamFormatException.class, this::load);
        assertEquals(PATH + "/TrackStatus.jsonStream line 2: Status should be a track-status code (a whole number), got \"SC\"",
                e.getMessage());
    }

    @Test
    void aLineCutInTheMiddleIsAnErrorNamingFileAndLine() throws IOException {
        String timing = Files.readString(session.resolve("TimingData.jsonStream"));
        Files.writeString(session.resolve("TimingData.jsonStream"), timing.substring(0, timing.indexOf("\"NumberOfLaps\":2") + 5));
        StreamFormatException e = assertThrows(StreamFormatException.class, this::load);
        assertEquals(PATH + "/TimingData.jsonStream", e.file());
        assertEquals(3, e.line());
    }

    @Test
    void aTimingFileEndingBeforeTheFinishIsAWarning() throws IOException {
        List<String> lines = Arrays.stream(Files.readString(session.resolve("TimingData.jsonStream")).split("\r\n")).collect(Collectors.toList());
        Files.writeString(session.resolve("TimingData.jsonStream"), String.join("\r\n", lines.subList(0, 3)) + "\r\n");
        assertEquals(List.of(PATH + "/TimingData.jsonStream ends at 00:04:20.000 (line 3), before the session finished at 00:30:00.000 "
                + "(SessionStatus.jsonStream): the file may have been cut short, and laps after 00:04:20.000 are missing; "
                + "the last lap read of each driver: AAA 2"), load().warnings());
    }
}
