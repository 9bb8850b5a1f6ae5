package dev.kafkapipeline.f1.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.f1.ArchiveFixtures;
import dev.kafkapipeline.f1.DamagedCopy;
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

/**
 * Damaged copies of a real session (2018 Baku): each kind of damage gives the
 * right laps, the right laps and a warning that names the file, the line and
 * what was assumed, or one error that names the file and the line.
 */
class DamagedArchiveTest {
    private static final String RACE = ArchiveFixtures.BAKU_2018_RACE;
    private static final String TIMING = RACE + "/TimingData.jsonStream";

    @TempDir
    Path archive;
    private DamagedCopy copy;

    @BeforeEach
    void copyTheRace() {
        copy = DamagedCopy.of(RACE, archive);
    }

    private SessionLaps load() {
        try (ArchiveClient client = new ArchiveClient(ArchiveSettings.of(archive.toString()))) {
            return new SessionLoader(client).load(RACE);
        }
    }

    private static List<Lap> intact() {
        return SampleSessions.load(RACE).laps();
    }

    private static void assertWarned(SessionLaps laps, String... parts) {
        assertTrue(laps.warnings().stream().anyMatch(w -> List.of(parts).stream().allMatch(w::contains)),
                "no warning with " + List.of(parts) + " in " + laps.warnings());
    }

    private StreamFormatException loadFails() {
        return assertThrows(StreamFormatException.class, this::load);
    }

    @Test
    void theUndamagedCopyReadsWithoutWarnings() {
        SessionLaps laps = load();
        assertEquals(intact(), laps.laps());
        assertEquals(List.of(), laps.warnings());
    }

    @Test
    void aNumberSentAsTextIsReadWithAWarningNamingFileLineAndValue() {
        int line = copy.replaceFirst("TimingData", "\"NumberOfLaps\":7,", "\"NumberOfLaps\":\"7\",");
        SessionLaps laps = load();
        assertEquals(intact(), laps.laps());
        assertWarned(laps, TIMING + " line " + line + ": NumberOfLaps is the text \"7\"; read as the number 7");
    }

    @Test
    void aBooleanThatIsNeitherTrueNorFalseIsAnErrorNamingFileAndLine() {
        int line = copy.replaceFirst("TimingData", "\"InPit\":false(?=,\"PitOut\":true)", "\"InPit\":\"out\"");
        StreamFormatException e = loadFails();
        assertEquals(TIMING, e.file());
        assertEquals(line, e.line());
        assertEquals(TIMING + " line " + line + ": InPit should be true or false, got the text \"out\"", e.getMessage());
    }

    @Test
    void aLapTimeThatIsNotATimeIsAnErrorNamingFileAndLine() {
        int line = copy.replaceFirst("TimingData", "\"LastLapTime\":\\{\"Value\":\"1:45.771\"", "\"LastLapTime\":{\"Value\":\"1:4x.771\"");
        StreamFormatException e = loadFails();
        assertEquals(line, e.line());
        assertTrue(e.getMessage().contains("LastLapTime.Value \"1:4x.771\" is not a time"), e.getMessage());
    }

    @Test
    void anObjectWhereATextBelongsIsAnError() {
        int line = copy.replaceFirst("TimingData", "\"GapToLeader\":\"\\+1.360\"", "\"GapToLeader\":{\"Value\":\"+1.360\"}");
        StreamFormatException e = loadFails();
        assertEquals(line, e.line());
        assertTrue(e.getMessage().contains("GapToLeader should be a text, got an object"), e.getMessage());
    }

    /** The file is cut at a line boundary 60 % of the way through: the laps before the cut stay, a warning says so. */
    @Test
    void aTimingFileCutShortWarnsWhichLapsMayBeMissing() {
        List<String> lines = copy.lines("TimingData");
        int kept = lines.size() * 6 / 10;
        copy.write("TimingData", lines.subList(0, kept));
        String lastTime = lines.get(kept - 1).substring(0, 12);
        SessionLaps laps = load();
        assertWarned(laps, TIMING + " ends at " + lastTime + " (line " + kept + "), before the session finished at 01:51:26.763",
                "laps after " + lastTime + " are missing", "VER ");
        List<Lap> before = intact().stream().filter(l -> l.endTime() != null && l.endTime() < TimeText.millis(lastTime) - 10_000).toList();
        for (Lap lap : before) {
            Lap read = SampleSessions.lap(laps, lap.driver().code(), lap.number());
            assertEquals(lap.lapTime(), read.lapTime(), lap.driver().code() + " lap " + lap.number());
            assertEquals(lap.sector1(), read.sector1(), lap.driver().code() + " lap " + lap.number());
        }
        assertTrue(laps.laps().size() < intact().size());
    }

    /** A time earlier than the line before: read in file order, said so. */
    @Test
    void aTimeGoingBackIsReadInFileOrderWithAWarning() {
        List<String> lines = copy.lines("TimingData");
        int index = positionOnlyLine(lines, 3000);
        lines.set(index, "00:10:00.000" + lines.get(index).substring(12));
        copy.write("TimingData", lines);
        SessionLaps laps = load();
        assertEquals(intact(), laps.laps());
        assertWarned(laps, TIMING + " line " + (index + 1) + ": its time 00:10:00.000 is before the "
                + lines.get(index - 1).substring(0, 12) + " of line " + index + "; read in file order");
    }

    /**
     * Lines 560 to 760 (the pit stops after lap 1: five pit exits, lap counts) sent again at the end of the file,
     * as a feed recorder that reconnects might: skipped, said so, and the laps are those of the intact file.
     */
    @Test
    void repeatedLinesAreSkippedWithAWarning() {
        List<String> lines = copy.lines("TimingData");
        List<String> block = List.copyOf(lines.subList(559, 760));
        assertEquals(5, block.stream().filter(l -> l.contains("\"InPit\":false")).count(), "the block holds five pit exits");
        int end = lines.size() - 1;
        lines.addAll(end, block);
        copy.write("TimingData", lines);
        SessionLaps laps = load();
        assertEquals(intact(), laps.laps());
        assertWarned(laps, TIMING + " line " + (end + 1) + " repeats line 560 word for word; skipped (and 200 more lines like it)");
    }

    /** HULKENBERG written with a Latin-1 Ü (one byte, 0xDC): the name gets U+FFFD, and a warning names the place. */
    @Test
    void bytesThatAreNotUtf8AreReadAsTheReplacementCharacterWithAWarning() {
        int line = copy.replaceFirst("DriverList", "Nico HULKENBERG", "Nico H\u00dcLKENBERG");
        SessionLaps laps = load();
        assertEquals(intact().size(), laps.laps().size());
        assertEquals("Nico H\uFFFDLKENBERG", laps.lapsOf("HUL").get(0).driver().name());
        assertWarned(laps, RACE + "/DriverList.jsonStream line " + line + ": bytes that are not UTF-8 at column",
                "read as the replacement character U+FFFD");
    }

    @Test
    void anEmptyOptionalFileIsReadAsMissing() {
        copy.writeBytes("TimingAppData", new byte[0]);
        SessionLaps laps = load();
        assertEquals(intact().size(), laps.laps().size());
        assertTrue(laps.laps().stream().allMatch(l -> l.compound() == null && l.stint() == null));
        assertWarned(laps, RACE + "/TimingAppData.jsonStream: the file is empty", "laps have no tyre compound");
    }

    @Test
    void anOptionalFileWithOnlyAByteOrderMarkIsEmptyToo() {
        copy.writeBytes("TrackStatus", "\uFEFF\r\n".getBytes(StandardCharsets.UTF_8));
        SessionLaps laps = load();
        assertTrue(laps.laps().stream().allMatch(l -> l.trackStatus() == null));
        assertWarned(laps, RACE + "/TrackStatus.jsonStream: the file is empty", "laps have no track status");
    }

    @Test
    void anEmptyRequiredFileIsAnError() {
        copy.writeBytes("TimingData", new byte[0]);
        StreamFormatException e = loadFails();
        assertEquals(TIMING + ": the file is empty: no timing lines", e.getMessage());
    }

    /** 31 April does not exist: the date is left empty, said so; the laps are the same. */
    @Test
    void aStartDateThatIsNotADateLeavesTheDateEmptyWithAWarning() {
        copy.replaceFirst("SessionInfo", "\"StartDate\":\"2018-04-29T16:10:00\"", "\"StartDate\":\"2018-04-31T16:10:00\"");
        SessionLaps laps = load();
        assertNull(laps.session().start());
        assertEquals(intact(), laps.laps());
        assertWarned(laps, RACE + "/SessionInfo.jsonStream line 1: StartDate \"2018-04-31T16:10:00\" is not a date and time");
    }

    @Test
    void aGmtOffsetThatIsNotAnOffsetLeavesTheDateEmptyWithAWarning() {
        copy.replaceFirst("SessionInfo", "\"GmtOffset\":\"04:00:00\"", "\"GmtOffset\":\"four hours\"");
        SessionLaps laps = load();
        assertNull(laps.session().start());
        assertWarned(laps, RACE + "/SessionInfo.jsonStream line 1: GmtOffset \"four hours\" is not an offset");
    }

    @Test
    void aStreamTimeThatIsNotATimeIsAnErrorNamingFileAndLine() {
        List<String> lines = copy.lines("TimingData");
        lines.set(99, "00:75:00.000" + lines.get(99).substring(12));
        copy.write("TimingData", lines);
        StreamFormatException e = loadFails();
        assertEquals(TIMING + " line 100: expected a HH:MM:SS.mmm time at the start of the line, got \"00:75:00.000\"", e.getMessage());
    }

    @Test
    void aFolderWhereARequiredFileBelongsIsRefused() throws IOException {
        assertFolderRefused("TimingData");
    }

    /** Not read as missing: a folder in its place is damage, not absence. */
    @Test
    void aFolderWhereAnOptionalFileBelongsIsRefusedToo() throws IOException {
        assertFolderRefused("TrackStatus");
    }

    private void assertFolderRefused(String topic) throws IOException {
        Files.delete(copy.file(topic));
        Files.createDirectory(copy.file(topic));
        ArchiveException e = assertThrows(ArchiveException.class, this::load);
        assertEquals(ArchiveException.Reason.REFUSED, e.reason());
        assertEquals(copy.file(topic) + " is a folder, not a file", e.getMessage());
    }

    private static int positionOnlyLine(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("\"Position\"") && !line.contains("GapToLeader") && !line.contains("Sectors")
                    && !line.contains("NumberOfLaps") && !line.contains("InPit") && !line.contains("LastLapTime")
                    && !line.contains("Stopped") && !line.contains("Retired") && !line.contains("Speeds")) {
                return i;
            }
        }
        throw new IllegalStateException("no line with positions only after line " + from);
    }
}
