package dev.kafkapipeline.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A stack's home (data, logs, pid files), deleted whole: {@code ./pipeline reset}, and the test stack before it starts afresh. */
public final class HomeFolder {
    private HomeFolder() {}

    public static void delete(Path home) {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + home + ": " + e.getMessage(), e);
        }
    }
}
