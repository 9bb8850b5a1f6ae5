package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.common.service.OutcomeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a project service's last run ended, as the service itself recorded it
 * in its outcome file ({@link OutcomeFile}): {@code done <detail>} or
 * {@code failed <exit code> <detail>}. A detached process's exit code is lost
 * to the later JVM of {@code ./pipeline status}; this file is how it learns it.
 *
 * @param exitCode 0 when done
 * @param detail   what the service said about it, possibly empty ("846 laps sent")
 */
public record ServiceOutcome(boolean done, int exitCode, String detail) {

    /** Where the stack asks a service to write its outcome (PIPELINE_OUTCOME_FILE). */
    public static Path fileOf(StackSettings settings, String service) {
        return settings.runDirectory().resolve(service + ".outcome");
    }

    /** The outcome in this file, empty when there is none (the service runs, or ended without writing one). */
    public static Optional<ServiceOutcome> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8).strip())) : Optional.empty();
        } catch (IOException e) {
            return Optional.of(new ServiceOutcome(false, -1, "cannot read " + file + ": " + e.getMessage()));
        }
    }

    static ServiceOutcome parse(String line) {
        String[] words = line.split(" ", 3);
        if (words[0].equals("done")) {
            return new ServiceOutcome(true, 0, line.length() > 4 ? line.substring(5).strip() : "");
        }
        if (words[0].equals("failed") && words.length >= 2 && words[1].matches("\\d{1,3}")) {
            return new ServiceOutcome(false, Integer.parseInt(words[1]), words.length == 3 ? words[2].strip() : "");
        }
        return new ServiceOutcome(false, -1, "an outcome line this version does not understand: '" + line + "'");
    }
}
