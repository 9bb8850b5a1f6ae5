package dev.kafkapipeline.f1.stream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkapipeline.common.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a live-timing {@code .jsonStream} file in one pass, line by line: an
 * optional UTF-8 byte-order mark, CRLF or LF line ends, and on every line a
 * {@code HH:MM:SS.mmm} offset from the start of the stream directly followed
 * by one JSON object holding an incremental update.
 */
public final class TimingStream {
    /** Receives the updates in file order. */
    @FunctionalInterface
    public interface Handler {
        void update(long millis, ObjectNode update, int line);
    }

    private static final int PREFIX = "HH:MM:SS.mmm".length();
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TimingStream() {}

    /**
     * Feeds every update to the handler. Blank lines are skipped; an empty file,
     * a bad time prefix or invalid JSON fail with the file name and line number.
     *
     * @return the number of updates read
     */
    public static int read(InputStream in, String file, Handler handler) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int lineNumber = 0;
        int updates = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                int start = lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF' ? 1 : 0;
                if (line.substring(start).isBlank()) {
                    continue;
                }
                long millis = offsetMillis(line, start, file, lineNumber);
                handler.update(millis, parse(line.substring(start + PREFIX), file, lineNumber), lineNumber);
                updates++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " line " + (lineNumber + 1) + ": read failed: " + e.getMessage(), e);
        }
        if (updates == 0) {
            throw new StreamFormatException(file, 0, "the file is empty: no timing lines");
        }
        return updates;
    }

    /** The state after merging every update of the stream, in order. */
    public static ObjectNode mergedState(InputStream in, String file) {
        ObjectNode state = Json.MAPPER.createObjectNode();
        read(in, file, (millis, update, line) -> StateMerge.merge(state, update));
        return state;
    }

    private static ObjectNode parse(String json, String file, int line) {
        JsonNode node;
        try {
            node = READER.readTree(json);
        } catch (JacksonException e) {
            throw new StreamFormatException(file, line, "invalid JSON (" + e.getOriginalMessage() + ")"
                    + (json.length() < 200 ? ": " + json : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new StreamFormatException(file, line, "expected a JSON object after the time, got "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return (ObjectNode) node;
    }

    /** {@code HH:MM:SS.mmm} at {@code start}, as milliseconds. */
    static long offsetMillis(String line, int start, String file, int lineNumber) {
        boolean shaped = line.length() >= start + PREFIX && line.charAt(start + 2) == ':'
                && line.charAt(start + 5) == ':' && line.charAt(start + 8) == '.';
        int h = shaped ? digits(line, start, 2) : -1;
        int m = shaped ? digits(line, start + 3, 2) : -1;
        int s = shaped ? digits(line, start + 6, 2) : -1;
        int ms = shaped ? digits(line, start + 9, 3) : -1;
        if (h < 0 || m < 0 || s < 0 || ms < 0) {
            throw new StreamFormatException(file, lineNumber, "expected a HH:MM:SS.mmm time at the start of the line, got \""
                    + line.substring(start, Math.min(line.length(), start + PREFIX)) + "\"");
        }
        return ((h * 60L + m) * 60L + s) * 1000L + ms;
    }

    /** The number written with {@code count} digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String line, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
