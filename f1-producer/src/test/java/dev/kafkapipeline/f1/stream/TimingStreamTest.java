package dev.kafkapipeline.f1.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingStreamTest {
    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheTimePrefixAcrossBomAndLineEnds() {
        List<Long> times = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int n = TimingStream.read(bytes("\uFEFF00:00:04.180{\"a\":1}\r\n01:02:03.456{\"a\":2}\n\n10:00:00.001{\"a\":3}"), "X.jsonStream", new Warnings(),
                (millis, update, line) -> {
                    times.add(millis);
                    lines.add(line);
                });
        assertEquals(3, n);
        assertEquals(List.of(4_180L, 3_723_456L, 36_000_001L), times);
        assertEquals(List.of(1, 2, 4), lines);
    }

    @Test
    void mergesUpdatesAndPatchesListsByIndex() {
        ObjectNode state = TimingStream.merged(bytes(
                "00:00:01.000{\"Lines\":{\"16\":{\"Sectors\":[{\"Value\":\"\"},{\"Value\":\"\"}],\"InPit\":false}}}\r\n"
                        + "00:00:02.000{\"Lines\":{\"16\":{\"Sectors\":{\"1\":{\"Value\":\"40.778\"},\"2\":{\"Value\":\"26.5\"}}}}}\r\n"
                        + "00:00:03.000{\"Lines\":{\"16\":{\"InPit\":true},\"33\":{\"InPit\":false}}}\r\n"),
                "TimingData.jsonStream", new Warnings()).state();
        assertEquals("{\"Lines\":{\"16\":{\"Sectors\":[{\"Value\":\"\"},{\"Value\":\"40.778\"},{\"Value\":\"26.5\"}],\"InPit\":true},"
                + "\"33\":{\"InPit\":false}}}", state.toString());
    }

    @Test
    void aTruncatedLineNamesFileAndLine() {
        StreamFormatException e = assertThrows(StreamFormatException.class, () -> TimingStream.read(
                bytes("00:00:01.000{\"a\":1}\n00:00:02.000{\"Lines\":{\"16\":{\"Sec"), "TimingData.jsonStream", new Warnings(), (m, u, l) -> {}));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("TimingData.jsonStream line 2: invalid JSON"), e.getMessage());
    }

    @Test
    void invalidJsonAndTrailingGarbageAreErrors() {
        StreamFormatException bad = assertThrows(StreamFormatException.class, () -> TimingStream.read(
                bytes("00:00:01.000{\"a\":tru}\n"), "DriverList.jsonStream", new Warnings(), (m, u, l) -> {}));
        assertTrue(bad.getMessage().startsWith("DriverList.jsonStream line 1: invalid JSON"), bad.getMessage());
        StreamFormatException trailing = assertThrows(StreamFormatException.class, () -> TimingStream.read(
                bytes("00:00:01.000{\"a\":1}}\n"), "DriverList.jsonStream", new Warnings(), (m, u, l) -> {}));
        assertEquals(1, trailing.line());
    }

    @Test
    void aLineWithoutTimeIsAnError() {
        StreamFormatException e = assertThrows(StreamFormatException.class, () -> TimingStream.read(
                bytes("00:00:01.000{}\n{\"a\":1}\n"), "LapCount.jsonStream", new Warnings(), (m, u, l) -> {}));
        assertTrue(e.getMessage().startsWith("LapCount.jsonStream line 2: expected a HH:MM:SS.mmm time"), e.getMessage());
    }

    @Test
    void anEmptyFileIsAnError() {
        StreamFormatException e = assertThrows(StreamFormatException.class,
                () -> TimingStream.read(bytes("\uFEFF\r\n"), "TimingAppData.jsonStream", new Warnings(), (m, u, l) -> {}));
        assertTrue(e.getMessage().contains("TimingAppData.jsonStream") && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aMinuteOrSecondOutOfRangeIsNotATime() {
        StreamFormatException e = assertThrows(StreamFormatException.class, () -> TimingStream.read(
                bytes("00:00:01.000{}\n00:60:00.000{}\n"), "T.jsonStream", new Warnings(), (m, u, l) -> {}));
        assertEquals("T.jsonStream line 2: expected a HH:MM:SS.mmm time at the start of the line, got \"00:60:00.000\"", e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsTheReplacementCharacterWithAWarning() {
        byte[] latin1 = "00:00:01.000{\"FullName\":\"Kimi R\u00c4IKK\u00d6NEN\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Warnings warnings = new Warnings();
        ObjectNode state = TimingStream.merged(new ByteArrayInputStream(latin1), "DriverList.jsonStream", warnings).state();
        assertEquals("Kimi R\uFFFDIKK\uFFFDNEN", state.path("FullName").asText());
        assertEquals(List.of("DriverList.jsonStream line 1: bytes that are not UTF-8 at column 32; "
                + "read as the replacement character U+FFFD"), warnings.list());
    }

    @Test
    void aLineThatRepeatsAnEarlierOneIsSkippedWithAWarning() {
        Warnings warnings = new Warnings();
        List<Integer> lines = new ArrayList<>();
        TimingStream.read(bytes("00:00:01.000{\"a\":1}\n00:00:02.000{\"a\":2}\n00:00:01.000{\"a\":1}\n00:00:02.000{\"a\":2}\n"),
                "T.jsonStream", warnings, (m, u, l) -> lines.add(l));
        assertEquals(List.of(1, 2), lines);
        assertEquals(List.of("T.jsonStream line 3 repeats line 1 word for word; skipped (and 1 more line like it)"), warnings.list());
    }

    @Test
    void aTimeGoingBackIsReadInFileOrderWithAWarning() {
        Warnings warnings = new Warnings();
        List<Long> times = new ArrayList<>();
        TimingStream.read(bytes("00:00:05.000{\"a\":1}\n00:00:04.000{\"a\":2}\n00:00:06.000{\"a\":3}\n"), "T.jsonStream", warnings,
                (m, u, l) -> times.add(m));
        assertEquals(List.of(5_000L, 4_000L, 6_000L), times);
        assertEquals(List.of("T.jsonStream line 2: its time 00:00:04.000 is before the 00:00:05.000 of line 1; read in file order"),
                warnings.list());
    }

    @Test
    void mergedRemembersTheLineEachTopLevelFieldCameFrom() {
        TimingStream.Merged merged = TimingStream.merged(bytes("00:00:01.000{\"Name\":\"Race\",\"StartDate\":\"x\"}\n"
                + "00:00:02.000{\"StartDate\":\"2018-04-29T16:10:00\"}\n"), "SessionInfo.jsonStream", new Warnings());
        assertEquals(1, merged.lineOf("Name"));
        assertEquals(2, merged.lineOf("StartDate"));
        assertEquals(0, merged.lineOf("GmtOffset"));
    }

    @Test
    void aNonObjectLineIsAnError() {
        StreamFormatException e = assertThrows(StreamFormatException.class,
                () -> TimingStream.read(bytes("00:00:01.000[1,2]\n"), "T.jsonStream", new Warnings(), (m, u, l) -> {}));
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
    }
}
