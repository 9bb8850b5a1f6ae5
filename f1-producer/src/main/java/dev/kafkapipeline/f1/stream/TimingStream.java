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
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a live-timing {@code .jsonStream} file in one pass, line by line: an
 * optional UTF-8 byte-order mark, CRLF or LF line ends, and on every line a
 * {@code HH:MM:SS.mmm} offset from the start of the stream directly followed
 * by one JSON object holding an incremental update. Damage that leaves the
 * updates readable is read with a warning naming the file, the line and what
 * was assumed: bytes that are not UTF-8 (read as U+FFFD), a line that repeats
 * an earlier one word for word (skipped: the feed never sends a line twice, and
 * a repeated pit exit would count twice), a time earlier than an earlier line's
 * (read in file order, as the feed is merged).
 */
public final class TimingStream {
    /** Receives the updates in file order. */
    @FunctionalInterface
    public interface Handler {
        void update(long millis, ObjectNode update, int line);
    }

    private static final int PREFIX = "HH:MM:SS.mmm".length();
    private static final ObjectReader READER = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Stands in for bytes that are not UTF-8 while decoding; JSON text never holds it raw. */
    private static final char NOT_UTF8 = '\u0000';

    private TimingStream() {}

    /**
     * Feeds every update to the handler. Blank lines are skipped; an empty file,
     * a bad time prefix or invalid JSON fail with the file name and line number.
     *
     * @return the number of updates read
     */
    public static int read(InputStream in, String file, Warnings warnings, Handler handler) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(NOT_UTF8));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        Repeats repeats = new Repeats();
        long latest = -1;
        int latestLine = 0;
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
                int notUtf8 = line.indexOf(NOT_UTF8);
                if (notUtf8 >= 0) {
                    warnings.add(file + ": not UTF-8", file + " line " + lineNumber + ": bytes that are not UTF-8 at column "
                            + (notUtf8 + 1 - start) + "; read as the replacement character U+FFFD");
                    line = line.replace(NOT_UTF8, '\uFFFD');
                }
                long millis = offsetMillis(line, start, file, lineNumber);
                int earlier = repeats.earlierLine(line, millis, latest, lineNumber);
                if (earlier > 0) {
                    warnings.add(file + ": repeated line", file + " line " + lineNumber + " repeats line " + earlier
                            + " word for word; skipped");
                    continue;
                }
                if (millis < latest) {
                    warnings.add(file + ": time going back", file + " line " + lineNumber + ": its time "
                            + line.substring(start, start + PREFIX) + " is before the " + clock(latest) + " of line "
                            + latestLine + "; read in file order");
                } else {
                    latest = millis;
                    latestLine = lineNumber;
                }
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

    /** The state after merging every update of the stream, in order, with the line each top-level field last came from. */
    public static Merged merged(InputStream in, String file, Warnings warnings) {
        ObjectNode state = Json.MAPPER.createObjectNode();
        Map<String, Integer> lines = new HashMap<>();
        read(in, file, warnings, (millis, update, line) -> {
            StateMerge.merge(state, update);
            update.fieldNames().forEachRemaining(name -> lines.put(name, line));
        });
        return new Merged(state, lines);
    }

    /** A stream merged into one state; {@link #lineOf} tells where a top-level field was last set, for messages. */
    public record Merged(ObjectNode state, Map<String, Integer> lines) {
        public int lineOf(String field) {
            return lines.getOrDefault(field, 0);
        }
    }

    /**
     * Finds lines that repeat an earlier one. A repeat carries its original's time, so only a line no later than
     * the latest time read can be one: while times only grow, it is looked for among the lines of that same time;
     * once they have gone back, among all lines, through an index built then.
     */
    private static final class Repeats {
        private record Seen(String text, int line) {}

        private final List<Seen> all = new ArrayList<>();
        private final List<Seen> sameTime = new ArrayList<>();
        private Map<String, Integer> index;

        /** The number of the earlier line this one repeats, or 0 (and it is remembered). */
        int earlierLine(String text, long millis, long latest, int line) {
            if (index == null && millis < latest) {
                index = new HashMap<>();
                all.forEach(seen -> index.putIfAbsent(seen.text(), seen.line()));
            }
            if (index != null) {
                return index.putIfAbsent(text, line) == null ? 0 : index.get(text);
            }
            if (millis > latest) {
                sameTime.clear();
            } else {
                for (Seen seen : sameTime) {
                    if (seen.text().equals(text)) {
                        return seen.line();
                    }
                }
            }
            Seen seen = new Seen(text, line);
            sameTime.add(seen);
            all.add(seen);
            return 0;
        }
    }

    /** HH:MM:SS.mmm, as the stream writes its times. */
    public static String clock(long millis) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
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
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
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
        if (h < 0 || m < 0 || s < 0 || ms < 0 || m > 59 || s > 59) {
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
