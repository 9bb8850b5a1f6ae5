package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.local.chaos.ChaosReport;
import dev.kafkapipeline.local.chaos.ChaosSettings;
import dev.kafkapipeline.local.chaos.Fault;
import dev.kafkapipeline.local.chaos.FaultOutcome;
import dev.kafkapipeline.local.chaos.FaultRun;
import dev.kafkapipeline.local.chaos.PathOutcome;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.testsupport.NativeStackTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pipeline chaos} in short, on the shared test stack: the Connect
 * worker, the consumers (this module's service, as a process of its own), the
 * broker and Cassandra are each killed with SIGKILL under a steady stream and
 * started again; every key Kafka acknowledged must be in both paths' tables.
 * It lives here because it needs the consumers and the sink plugin built.
 */
@NativeStackTest
class FaultRunTest {

    @Test
    void everyKeyKafkaAcknowledgedIsInBothPathsTablesAfterEveryFault(NativeStack stack) {
        // Short: a low rate, paths started at once (the consumers still start a whole fault behind), servers
        // started again at once, and the shortest session timeout the broker allows.
        ChaosSettings settings = new ChaosSettings(250, Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(6), Duration.ofSeconds(180));
        ChaosReport report = new FaultRun(stack, settings, System.getProperty("java.class.path"), System.out::println).run();
        String table = report.table();
        System.out.print(table);

        for (FaultOutcome fault : report.faults()) {
            assertTrue(fault.acknowledged() > 0, fault.fault() + ": the stream sent nothing\n" + table);
            for (PathOutcome path : fault.paths()) {
                assertEquals(0, path.lost(), fault.fault().label() + ", " + path.path().label() + " path: keys lost\n" + table);
                assertTrue(path.recovered(), fault.fault().label() + ", " + path.path().label() + " path never wrote again\n" + table);
            }
            // A path's own kill must come while it has records in flight, or it proves nothing about when it commits.
            fault.fault().path().ifPresent(own -> assertTrue(fault.path(own).lagAtKill().orElse(0) >= 1,
                    fault.fault().label() + " killed with nothing in flight\n" + table));
        }
        assertTrue(report.fault(Fault.CASSANDRA).paths().stream().allMatch(PathOutcome::interrupted), table);
        for (String server : List.of("cassandra", "kafka", "connect")) {
            assertTrue(stack.process(server).running().isPresent(), server + " must be running after the fault run");
        }
    }
}
