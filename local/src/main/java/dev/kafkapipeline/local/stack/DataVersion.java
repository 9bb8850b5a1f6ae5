package dev.kafkapipeline.local.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server versions that made a data folder, and whether a cluster made
 * it. Cassandra and Kafka refuse (or worse, half-read) data of other
 * versions, and a single node's data is no member's of a ring, so the stack
 * checks this stamp before it starts anything.
 */
record DataVersion(String text) {
    static final String FILE = "VERSION";
    private static final String CLUSTER = ", cluster of ";

    static DataVersion of(String cassandraVersion, String kafkaVersion, ClusterTopology topology) {
        String versions = "cassandra " + cassandraVersion + ", kafka " + kafkaVersion;
        return new DataVersion(topology.isCluster()
                ? versions + CLUSTER + topology.brokers() + " brokers and " + topology.cassandraNodes() + " Cassandra nodes"
                : versions);
    }

    /** Whether a cluster's {@code up} stamped this folder; false for a folder without a stamp. */
    static boolean madeByCluster(Path dataDirectory) {
        Path stamp = dataDirectory.resolve(FILE);
        try {
            return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).contains(CLUSTER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stamps an empty or new folder; fails with the remedy when the folder was made by other versions or another topology. */
    void checkOrStamp(Path dataDirectory) {
        Path stamp = dataDirectory.resolve(FILE);
        try {
            if (Files.exists(stamp)) {
                String found = Files.readString(stamp, StandardCharsets.UTF_8).trim();
                if (found.contains(CLUSTER) != text.contains(CLUSTER)) {
                    throw new StackStartException("the data folder " + dataDirectory + " holds a "
                            + (found.contains(CLUSTER) ? "cluster's data, and this is the single-node stack" : "single node's data, and this is the cluster")
                            + ": give it a home of its own (PIPELINE_HOME), or run ./pipeline reset to start afresh (it deletes the data)");
                }
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
