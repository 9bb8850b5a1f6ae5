package dev.kafkapipeline.common.service;

import dev.kafkapipeline.common.config.EnvConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The line a service leaves behind when it exits, so that a later
 * {@code ./pipeline status} (another JVM, which cannot learn a detached
 * process's exit code) tells a producer that finished its work from one that
 * failed. The native stack names the file in PIPELINE_OUTCOME_FILE; elsewhere
 * (Docker, a test) the variable is unset and nothing is written.
 *
 * <p>The line is {@code done <detail>} ({@code done 846 laps sent}) or
 * {@code failed <exit code> <detail>} ({@code failed 1 the archive has no session ...}).
 */
public final class OutcomeFile {
    public static final String VARIABLE = "PIPELINE_OUTCOME_FILE";

    private OutcomeFile() {}

    /** Writes the line, replacing an earlier one; a reader never sees half a line. Does nothing when the variable is unset. */
    public static void write(EnvConfig env, String line) {
        String path = env.raw(VARIABLE);
        if (path == null) {
            return;
        }
        Path file = Path.of(path);
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(next, line.strip().replace('\n', ' ') + "\n", StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the outcome file " + file + ": " + e.getMessage(), e);
        }
    }
}
