package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.chaos.ChaosReport;
import dev.kafkapipeline.local.chaos.ChaosSettings;
import dev.kafkapipeline.local.chaos.Fault;
import dev.kafkapipeline.local.chaos.FaultOutcome;
import dev.kafkapipeline.local.chaos.FaultRun;
import dev.kafkapipeline.local.chaos.PathOutcome;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.StackKeeper;
import dev.kafkapipeline.local.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pipeline chaos --cluster} in short, on a three-node cluster of its
 * own (three brokers, three Cassandra nodes, two Connect workers, two
 * consumers): one broker, one Cassandra node, one Connect worker and one
 * consumer are each killed with SIGKILL under a steady stream; writing must go
 * on while each is down (leaders, the sink task and the partitions move,
 * QUORUM holds with two nodes), and after each is started again every key
 * Kafka acknowledged must be in both paths' tables.
 *
 * <p>The cluster takes minutes to start and 6-7 GB of memory beside the
 * build's shared single-node stack, so only the Maven profile {@code cluster}
 * runs it (tag "cluster"; consumers/pom.xml, README: Scaling out). Its stack has its own home
 * (target/cluster-test-stack) and ports (PIPELINE_TEST_PORT_OFFSET + 500);
 * a keeper owned by this test JVM stops it when the JVM ends, however it ends.
 */
@Tag("cluster")
class ClusterFaultRunTest {
    /** The budgets: the cluster starts within 3 minutes and stays under 10 GB resident. */
    private static final Duration START_BUDGET = Duration.ofMinutes(3);
    private static final long RESIDENT_BUDGET = 10_000_000_000L;

    private static NativeStack cluster;
    private static Duration startTime;

    @BeforeAll
    static void startTheCluster() {
        Path repository = StackSettings.findRepository();
        StackSettings settings = StackSettings.forClusterTests(EnvConfig.fromEnvironment(), repository,
                repository.resolve("target/cluster-test-stack"));
        long t0 = System.nanoTime();
        cluster = StackKeeper.attach(settings, ProcessHandle.current().pid(), line -> System.out.println("[cluster] " + line));
        startTime = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("[cluster] the cluster is up, %.1f s after the test asked for it; its servers resident: %s%n",
                startTime.toMillis() / 1000.0, gib(resident("VmRSS")));
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.down();
        }
    }

    @Test
    void everyKeyKafkaAcknowledgedIsInBothPathsTablesAndWritingGoesOnWhileAMemberOfEachKindIsDown() {
        // Short: a low rate, both paths 10 s behind the stream at the first kill, each member started again as soon as
        // writing went on without it, and the shortest session timeout the brokers allow.
        ChaosSettings settings = new ChaosSettings(250, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(6), Duration.ofSeconds(180));
        ChaosReport report = new FaultRun(cluster, settings, System.getProperty("java.class.path"), System.out::println).run();
        String table = report.table();
        System.out.print(table);

        assertEquals(List.of(Fault.KAFKA_BROKER, Fault.CASSANDRA, Fault.CONNECT_WORKER, Fault.CONSUMERS),
                report.faults().stream().map(FaultOutcome::fault).toList());
        for (FaultOutcome fault : report.faults()) {
            String what = fault.fault().label() + " (" + fault.victim() + ")";
            assertTrue(fault.acknowledged() > 0, what + ": the stream sent nothing\n" + table);
            for (PathOutcome path : fault.paths()) {
                assertTrue(path.started(), what + ", " + path.path().label() + " path: not running\n" + table);
                assertEquals(0, path.lost(), what + ", " + path.path().label() + " path: keys lost\n" + table);
                // Committing again on every partition while the member was down: the cluster carried the stream without it.
                assertTrue(path.recovered(), what + ", " + path.path().label() + " path did not write on without it\n" + table);
                assertTrue(path.stalled().isPresent(), table);
            }
        }
        assertTrue(report.faults().stream().allMatch(FaultOutcome::drained), table);
        for (String server : cluster.serverNames()) {
            assertTrue(cluster.process(server).running().isPresent(), server + " must be running after the fault run");
        }
        assertTrue(startTime.compareTo(START_BUDGET) < 0, "the cluster took " + startTime.toSeconds() + " s to start");
        // Each running server's peak resident set (VmHWM) summed: more than they ever held at one moment.
        long peak = resident("VmHWM");
        System.out.printf("[cluster] its servers' peak resident sets summed: %s%n", gib(peak));
        assertTrue(peak < RESIDENT_BUDGET, "the cluster's servers peaked at " + gib(peak) + " resident");
    }

    /** A field of /proc/PID/status (kB) summed over the cluster's running servers, in bytes. */
    private static long resident(String field) {
        long bytes = 0;
        for (String server : cluster.serverNames()) {
            long pid = cluster.process(server).running().orElseThrow(() -> new AssertionError(server + " is not running")).pid();
            try {
                String line = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                        .filter(l -> l.startsWith(field + ":")).findFirst().orElseThrow();
                bytes += Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
    }
}
