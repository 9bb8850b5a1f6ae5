package dev.kafkapipeline.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server versions that made a data folder. Cassandra and Kafka refuse (or
 * worse, half-read) data of other versions, so the stack checks this stamp
 * before it starts anything.
 */
record DataVersion(String text) {
    static final String FILE = "VERSION";

    static DataVersion of(String cassandraVersion, String kafkaVersion) {
        return new DataVersion("cassandra " + cassandraVersion + ", kafka " + kafkaVersion);
    }

    /** Stamps an empty or new folder; fails with the remedy when the folder was made by other versions. */
    void checkOrStamp(Path dataDirectory) {
        Path stamp = dataDirectory.resolve(FILE);
        try {
            if (Files.exists(stamp)) {
                String found = Files.readString(stamp, StandardCharsets.UTF_8).trim();
                if (!found.equals(text)) {
                    throw new StackStartException("the data folder " + dataDirectory + " was made by " + found
                            + ", this build runs " + text + ": run ./pipeline reset to start afresh (it deletes the data),"
                            + " or set PIPELINE_HOME to another folder");
                }
                return;
            }
            if (Files.isDirectory(dataDirectory)) {
                try (var entries = Files.list(dataDirectory)) {
                    if (entries.findAny().isPresent()) {
                        throw new StackStartException("the data folder " + dataDirectory + " has no " + FILE
                                + " stamp, so it was not made by this pipeline: run ./pipeline reset, or set PIPELINE_HOME to another folder");
                    }
                }
            }
            Files.createDirectories(dataDirectory);
            Files.writeString(stamp, text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
