package dev.kafkapipeline.watch.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.KafkaOffsets;
import dev.kafkapipeline.testsupport.LoopbackPort;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.watch.CassandraLink;
import dev.kafkapipeline.watch.WatchSettings;
import dev.kafkapipeline.watch.flow.FlowSnapshot.TableRows;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The flow adapter and the dead-letter reader against the native stack. */
@NativeStackTest
class StatusFlowSourceTest {
    private static final Duration ANSWER = Duration.ofSeconds(60);

    @Test
    void aSnapshotReadsEveryPartAndAServerThatDoesNotAnswerOnlyMarksItsOwn(NativeStack stack) throws Exception {
        String nowhere = "http://127.0.0.1:" + LoopbackPort.free();
        WatchSettings settings = new WatchSettings(WatchSettings.LOOPBACK, 0, stack.serviceEnvironment(), nowhere,
                stack.cassandraSettings(), Optional.of(stack));
        KafkaOffsets.commit(stack.kafkaBootstrap(), "consumers-faker", Map.of(new TopicPartition("faker", 0), 0L));
        try (CassandraLink cassandra = new CassandraLink(stack.cassandraSettings());
             StatusFlowSource source = new StatusFlowSource(settings, cassandra)) {
            AtomicReference<FlowSnapshot> last = new AtomicReference<>();
            Eventually.holds("Kafka, Cassandra and the processes answer", ANSWER, () -> {
                FlowSnapshot snapshot = source.snapshot();
                last.set(snapshot);
                return !snapshot.kafka().isDown() && !snapshot.tables().isDown() && snapshot.connectors().isDown();
            });
            FlowSnapshot snapshot = last.get();
            assertTrue(snapshot.connectors().down().startsWith("Kafka Connect at " + nowhere + " is not answering"), snapshot.connectors().down());
            assertEquals(0L, snapshot.kafka().value().endOffsets().get("fastf1"));
            assertTrue(snapshot.kafka().value().endOffsets().containsKey("fastf1.dlq"));
            FlowSnapshot.GroupState group = snapshot.kafka().value().groups().stream().filter(g -> g.group().equals("consumers-faker"))
                    .findFirst().orElseThrow();
            assertEquals("EMPTY", group.state(), "a group no member consumes in");
            assertEquals(List.of("kafkapipeline.weatherreport", "kafkapipeline.fakerdata", "kafkapipeline.lapsummary"),
                    snapshot.tables().value().stream().map(TableRows::table).toList());
            assertEquals(List.of("cassandra", "kafka", "connect"), snapshot.services().value().stream().map(FlowSnapshot.ServiceState::name).toList());
            assertTrue(snapshot.services().value().stream().allMatch(s -> s.state().equals("running")), snapshot.services().toString());
        }
    }

    @Test
    void theDeadLetterReasonsAreTheNewestOfTheirHeaders(NativeStack stack) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(stack.serviceEnvironment(), "dlq-writer"));
             DeadLetterTail tail = new DeadLetterTail(stack.serviceEnvironment())) {
            for (int i = 1; i <= DeadLetterTail.KEPT + 2; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>("faker.dlq", 0, 1_000L * i, "person-" + i,
                        "{}".getBytes(StandardCharsets.UTF_8));
                record.headers().add(DeadLetterTail.REASON_HEADER, ("reason " + i).getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
            Map<String, Long> ends = Map.of("faker.dlq", (long) DeadLetterTail.KEPT + 2, "faker", 1L);
            assertEquals(List.of("reason 7", "reason 6", "reason 5", "reason 4", "reason 3"), tail.reasons(ends).get("faker.dlq"));
            assertFalse(tail.reasons(ends).containsKey("faker"), "only dead-letter topics have reasons");
        }
    }
}
