package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cassandra image acknowledges a write only once its commit log is on disk,
 * as the native node does: the image's own RUN line, run here with sh against
 * the commit-log lines of Cassandra 5.0's stock cassandra.yaml.
 */
class CassandraDurabilityTest {
    private static final String STOCK_YAML = "/etc/cassandra/cassandra.yaml";
    private static final List<String> STOCK_LINES = List.of(
            "# commitlog_sync: batch",
            "commitlog_sync: periodic",
            "commitlog_sync_period: 10000ms",
            "concurrent_reads: 32",
            "concurrent_writes: 32");

    @TempDir
    Path dir;

    @Test
    void theImageSyncsItsCommitLogBeforeAcknowledging() throws IOException, InterruptedException {
        Dockerfile dockerfile = Dockerfile.read(Repository.locate().resolve("cassandra/Dockerfile"));
        String run = dockerfile.finalStage().all("RUN").stream().map(Dockerfile.Instruction::arguments)
                .filter(arguments -> arguments.contains(STOCK_YAML)).findFirst()
                .orElseThrow(() -> new AssertionError("cassandra/Dockerfile has no RUN that edits " + STOCK_YAML));
        Path yaml = dir.resolve("cassandra.yaml");
        Files.write(yaml, STOCK_LINES);

        Process shell = new ProcessBuilder("sh", "-c", run.replace(STOCK_YAML, yaml.toString())).redirectErrorStream(true).start();
        assertTrue(shell.waitFor(30, TimeUnit.SECONDS), "the RUN line finishes");
        assertEquals(0, shell.exitValue(), new String(shell.getInputStream().readAllBytes()));

        List<String> edited = Files.readAllLines(yaml);
        assertTrue(edited.contains("commitlog_sync: batch"), edited.toString());
        assertFalse(edited.stream().anyMatch(line -> line.startsWith("commitlog_sync_period:")),
                "Cassandra refuses batch sync with a commitlog_sync_period: " + edited);
        assertTrue(edited.contains("concurrent_writes: 128"), edited.toString());
    }
}
