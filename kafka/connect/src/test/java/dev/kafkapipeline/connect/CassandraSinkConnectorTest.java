package dev.kafkapipeline.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.testsupport.DeadLetterReasons;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.FakerRecords;
import dev.kafkapipeline.testsupport.KafkaOffsets;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.local.stack.NativeStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sink plugin in a real Connect worker, writing to a real Cassandra node:
 * dead letters, a killed worker, an outage. That every topic lands as typed rows
 * is the contract both paths share (EveryTopicLandsTest in consumers).
 */
@NativeStackTest
class CassandraSinkConnectorTest {
    private static final Duration LANDING = Duration.ofSeconds(120);
    /** Three of the worker's 5 s commit intervals, in each of which it must commit nothing sent since Cassandra went down. */
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static StackClient client;

    @BeforeAll
    static void registerSinks(NativeStack stack) {
        client = new StackClient(stack, CassandraSessions.open(stack.cassandraSettings()));
        stack.registerSinks();
    }

    @AfterAll
    static void close() {
        client.close();
        client.session.close();
    }

    /** Paces the observations during an outage of fixed length; never used to wait for readiness. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    @Test
    void badRecordsGoToTheDeadLetterQueueWithTheReasonAndGoodOnesLand(NativeStack stack) {
        String prefix = "mixed-" + System.nanoTime() + "-";
        int good = 30;
        for (int i = 0; i < good; i++) {
            client.send(Topics.FAKER, prefix + "good-" + i, FakerRecords.person(prefix + "good-" + i, i));
            if (i == 10) {
                client.send(Topics.FAKER, prefix + "bad-json", "{not json".getBytes(StandardCharsets.UTF_8));
                Map<String, Object> noName = FakerRecords.person(prefix + "x", i);
                noName.remove("name");
                client.send(Topics.FAKER, prefix + "bad-key", noName);
                Map<String, Object> badYear = FakerRecords.person(prefix + "bad-year", i);
                badYear.put("year", "nineteen");
                client.send(Topics.FAKER, prefix + "bad-year", badYear);
            }
        }

        Eventually.holds(good + " good rows", LANDING, () -> FakerRecords.rowsNamed(client.session, prefix + "good-") == good);
        Map<String, String> reasons = DeadLetterReasons.read(stack.serviceEnvironment(), Topics.FAKER, prefix, 3, LANDING);
        assertEquals(Set.of(prefix + "bad-json", prefix + "bad-key", prefix + "bad-year"), reasons.keySet());
        assertTrue(reasons.get(prefix + "bad-year").contains("value.year = \"nineteen\" does not fit column year (int)"),
                reasons.get(prefix + "bad-year"));
        assertTrue(reasons.get(prefix + "bad-key").contains("value.name"), reasons.get(prefix + "bad-key"));
        assertEquals(0, FakerRecords.rowsNamed(client.session, prefix + "bad-year"));
        assertTrue(client.taskState("faker-sink").startsWith("RUNNING"), client.taskState("faker-sink"));
    }

    @Test
    void aKilledWorkerLosesNoRecord(NativeStack stack) {
        String prefix = "killed-" + System.nanoTime() + "-";
        int n = 400;
        for (int i = 0; i < n / 2; i++) {
            client.send(Topics.FAKER, prefix + i, FakerRecords.person(prefix + i, i));
        }
        Eventually.holds("some rows before the kill", LANDING, () -> FakerRecords.rowsNamed(client.session, prefix) > 0);
        stack.kill("connect");
        for (int i = n / 2; i < n; i++) {
            client.send(Topics.FAKER, prefix + i, FakerRecords.person(prefix + i, i));
        }
        stack.start("connect");
        Eventually.holds("all " + n + " rows after the restart", Duration.ofSeconds(180), () -> FakerRecords.rowsNamed(client.session, prefix) == n);
    }

    @Test
    void aCassandraOutageStallsTheTaskAndLosesNoRecord(NativeStack stack) {
        String prefix = "outage-" + System.nanoTime() + "-";
        int n = 400;
        for (int i = 0; i < n / 2; i++) {
            client.send(Topics.FAKER, prefix + i, FakerRecords.person(prefix + i, i));
        }
        Eventually.holds("some rows before the outage", LANDING, () -> FakerRecords.rowsNamed(client.session, prefix) > 0);
        stack.stop("cassandra");
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        Map<TopicPartition, Long> beforeOutage = KafkaOffsets.end(stack.kafkaBootstrap(), Topics.FAKER);
        for (int i = n / 2; i < n; i++) {
            client.send(Topics.FAKER, prefix + i, FakerRecords.person(prefix + i, i));
        }
        while (System.nanoTime() < outageEnds) {
            String state = client.taskState("faker-sink");
            assertFalse(state.startsWith("FAILED"), "the task must stall, not fail: " + state);
            // The worker commits every 5 s: a record sent during the outage is read but never acknowledged.
            KafkaOffsets.committed(stack.kafkaBootstrap(), "connect-faker-sink").forEach((partition, committed) ->
                    assertTrue(committed.offset() <= beforeOutage.getOrDefault(partition, 0L),
                            partition + " committed at " + committed.offset() + " during the outage, past the records sent before it"));
            pause(Duration.ofSeconds(1));
        }
        stack.start("cassandra");
        Eventually.holds("all " + n + " rows after Cassandra is back", Duration.ofSeconds(180), () -> FakerRecords.rowsNamed(client.session, prefix) == n);
        assertTrue(client.taskState("faker-sink").startsWith("RUNNING"), client.taskState("faker-sink"));
    }
}
