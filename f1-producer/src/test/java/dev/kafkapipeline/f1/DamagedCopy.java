package dev.kafkapipeline.f1;

import dev.kafkapipeline.testsupport.F1Archive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of one session of the archive sample in a folder of its own, laid out as
 * the archive is, whose files a test then damages. Lines are edited as bytes
 * decoded in ISO-8859-1, so the copy keeps the byte-order mark and the CRLF line
 * ends of the real files, and a test can put in bytes that are not UTF-8.
 */
public final class DamagedCopy {
    private final Path root;
    private final String session;

    private DamagedCopy(Path root, String session) {
        this.root = root;
        this.session = session;
    }

    /** Copies the session {@code session} (an archive path) and, when it has one, its season's Index.json. */
    public static DamagedCopy of(String session, Path into) {
        Path source = F1Archive.root();
        try (Stream<Path> files = Files.list(source.resolve(session))) {
            Path target = Files.createDirectories(into.resolve(session));
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            Path index = source.resolve(session.substring(0, 4)).resolve("Index.json");
            if (Files.isRegularFile(index)) {
                Files.copy(index, into.resolve(session.substring(0, 4)).resolve("Index.json"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DamagedCopy(into, session);
    }

    public Path root() {
        return root;
    }

    public Path file(String topic) {
        return root.resolve(session).resolve(topic + ".jsonStream");
    }

    /** The topic's lines, line ends removed; the first keeps the byte-order mark. */
    public List<String> lines(String topic) {
        try {
            return new ArrayList<>(List.of(Files.readString(file(topic), StandardCharsets.ISO_8859_1).split("\r\n|\n", -1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the lines back with CRLF ends, as the archive does. */
    public void write(String topic, List<String> lines) {
        try {
            Files.writeString(file(topic), String.join("\r\n", lines), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the first match of {@code regex} in the topic and returns the (1-based) number of the line it was on.
     */
    public int replaceFirst(String topic, String regex, String replacement) {
        List<String> lines = lines(topic);
        Pattern pattern = Pattern.compile(regex);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = pattern.matcher(lines.get(i));
            if (m.find()) {
                lines.set(i, m.replaceFirst(replacement));
                write(topic, lines);
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line of " + topic + " matches " + regex);
    }

    public void writeBytes(String topic, byte[] bytes) {
        try {
            Files.write(file(topic), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
