package dev.kafkapipeline.local.stack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataVersionTest {
    @Test
    void aNewFolderIsStampedAndThenAccepted(@TempDir Path dir) {
        Path data = dir.resolve("data");
        DataVersion.of("5.0.6", "4.4.0", ClusterTopology.SINGLE_NODE).checkOrStamp(data);
        assertTrue(Files.exists(data.resolve(DataVersion.FILE)));
        assertDoesNotThrow(() -> DataVersion.of("5.0.6", "4.4.0", ClusterTopology.SINGLE_NODE).checkOrStamp(data));
    }

    @Test
    void aFolderOfOtherVersionsIsRefusedWithTheRemedy(@TempDir Path data) {
        DataVersion.of("4.1.3", "3.7.0", ClusterTopology.SINGLE_NODE).checkOrStamp(data);
        StackStartException e = assertThrows(StackStartException.class, () -> DataVersion.of("5.0.6", "4.4.0", ClusterTopology.SINGLE_NODE).checkOrStamp(data));
        assertTrue(e.getMessage().contains("cassandra 4.1.3, kafka 3.7.0"), e.getMessage());
        assertTrue(e.getMessage().contains("./pipeline reset"), e.getMessage());
    }

    @Test
    void aFolderWithDataButNoStampIsRefused(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("cassandra"));
        StackStartException e = assertThrows(StackStartException.class, () -> DataVersion.of("5.0.6", "4.4.0", ClusterTopology.SINGLE_NODE).checkOrStamp(data));
        assertTrue(e.getMessage().contains("not made by this pipeline"), e.getMessage());
    }

    @Test
    void aClustersFolderIsKnownAsOneAndRefusedToTheSingleNodeStackAndBack(@TempDir Path dir) {
        Path cluster = dir.resolve("cluster");
        Path single = dir.resolve("single");
        DataVersion.of("5.0.6", "4.4.0", ClusterTopology.THREE_NODES).checkOrStamp(cluster);
        DataVersion.of("5.0.6", "4.4.0", ClusterTopology.SINGLE_NODE).checkOrStamp(single);
        assertTrue(DataVersion.madeByCluster(cluster));
        assertFalse(DataVersion.madeByCluster(single));
        assertFalse(DataVersion.madeByCluster(dir.resolve("none")));

        StackStartException toSingle = assertThrows(StackStartException.class,
                () -> DataVersion.of("5.0.6", "4.4.0", ClusterTopology.SINGLE_NODE).checkOrStamp(cluster));
        assertTrue(toSingle.getMessage().contains("holds a cluster's data, and this is the single-node stack"), toSingle.getMessage());
        StackStartException toCluster = assertThrows(StackStartException.class,
                () -> DataVersion.of("5.0.6", "4.4.0", ClusterTopology.THREE_NODES).checkOrStamp(single));
        assertTrue(toCluster.getMessage().contains("holds a single node's data, and this is the cluster"), toCluster.getMessage());
    }
}
