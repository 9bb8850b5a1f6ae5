package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.service.ExitStatus;
import dev.kafkapipeline.common.service.ServiceExit;
import dev.kafkapipeline.common.service.ServiceRunner;
import dev.kafkapipeline.testsupport.DeadLetterReasons;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.FakerRecords;
import dev.kafkapipeline.testsupport.KafkaOffsets;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.local.stack.NativeStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumers service against the real native stack: dead letters, both paths
 * at once, SIGTERM. That every topic lands as typed rows is the contract both
 * paths share ({@link EveryTopicLandsTest}).
 */
@NativeStackTest
class ConsumersTest {
    private static final Duration LANDING = Duration.ofSeconds(120);
    private static final String GROUP = "consumers-it";

    private static NativeStack stack;
    private static CqlSession session;
    private static KafkaProducer<String, byte[]> producer;
    private static ServiceRunner service;
    private static CompletableFuture<ServiceExit> serviceExit;

    @BeforeAll
    static void startConsumers(NativeStack nativeStack) {
        stack = nativeStack;
        session = CassandraSessions.open(stack.cassandraSettings());
        producer = new KafkaProducer<>(KafkaSettings.producer(stack.serviceEnvironment(), "consumers-it"));
        service = ConsumersMain.runner();
        EnvConfig env = stack.serviceEnvironment().with(Map.of("TOPIC_NAME", "all", "CONSUMER_GROUP", GROUP));
        serviceExit = CompletableFuture.supplyAsync(() -> service.run(env));
    }

    @AfterAll
    static void stopConsumers() throws Exception {
        service.stop();
        try {
            assertEquals(ExitStatus.DONE, serviceExit.get(60, TimeUnit.SECONDS).status(), "the in-process consumers stopped cleanly");
        } finally {
            producer.close();
            session.close();
        }
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheReason() {
        String prefix = "consumer-mixed-" + System.nanoTime() + "-";
        int good = 20;
        for (int i = 0; i < good; i++) {
            send(Topics.FAKER, prefix + "good-" + i, FakerRecords.person(prefix + "good-" + i, i));
        }
        producer.send(new ProducerRecord<>(Topics.FAKER, prefix + "bad-json", "[1, 2".getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> badYear = FakerRecords.person(prefix + "bad-year", 1);
        badYear.put("year", 19.5);
        send(Topics.FAKER, prefix + "bad-year", badYear);

        Eventually.holds(good + " good rows", LANDING, () -> FakerRecords.rowsNamed(session, prefix + "good-") == good);
        Map<String, String> reasons = DeadLetterReasons.read(stack.serviceEnvironment(), Topics.FAKER, prefix, 2, LANDING);
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.get(prefix + "bad-json").startsWith("invalid JSON"), reasons.toString());
        assertEquals("field value.year = 19.5 does not fit column year (int): not a whole number", reasons.get(prefix + "bad-year"));
    }

    @Test
    void bothPathsAtOnceStillGiveOneRowPerRecord() throws Exception {
        stack.registerSinks();
        String prefix = "both-" + System.nanoTime() + "-";
        int n = 300;
        for (int i = 0; i < n; i++) {
            send(Topics.FAKER, prefix + i, FakerRecords.person(prefix + i, i));
        }
        Map<TopicPartition, Long> end = endOffsets(Topics.FAKER);
        Eventually.holds("the connector's group committed to the end", LANDING, () -> committedUpTo("connect-faker-sink", end));
        Eventually.holds("the consumers' group committed to the end", LANDING, () -> committedUpTo(GROUP, end));
        assertEquals(n, FakerRecords.rowsNamed(session, prefix));
    }

    @Test
    void sigtermFinishesCommitsAndExitsZero(@TempDir Path folder) throws Exception {
        String group = "sigterm-" + UUID.randomUUID();
        String prefix = "sigterm-" + System.nanoTime() + "-";
        Path log = folder.resolve("consumers-sigterm.log");
        Map<String, String> env = new HashMap<>();
        EnvConfig stackEnv = stack.serviceEnvironment();
        env.put("KAFKA_BROKER_URL", stack.kafkaBootstrap());
        env.put("CASSANDRA_HOST", stack.cassandraSettings().host());
        env.put("CASSANDRA_PORT", Integer.toString(stack.cassandraSettings().port()));
        env.put("TOPIC_NAME", "faker");
        env.put("CONSUMER_GROUP", group);
        env.put("CONSUMER_MAX_POLL_RECORDS", "50");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ConsumersMain.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        // The group starts at today's end of the topic, so everything the child reads and commits is this test's.
        Map<TopicPartition, Long> start = endOffsets(Topics.FAKER);
        KafkaOffsets.commit(stack.kafkaBootstrap(), group, start);
        Process child = builder.start();
        try {
            int n = 3000;
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>(Topics.FAKER, prefix + i, Json.toBytes(FakerRecords.person(prefix + i, i))));
            }
            producer.flush();
            // The in-process consumers write these records too: the child's own commits show it is at work.
            Eventually.holds("the child consumer committing", LANDING, () -> committedBeyond(group, start));
            child.destroy();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the consumer exits within 60 s of SIGTERM");
            assertEquals(0, child.exitValue(), Files.readString(log));
        } finally {
            child.destroyForcibly();
        }
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        assertTrue(committed.entrySet().stream().anyMatch(e -> e.getValue().offset() > start.get(e.getKey())),
                "offsets committed past the start");
        // Every record below a committed offset has its row: the commit never ran ahead of the writes.
        int checked = 0;
        Properties props = KafkaSettings.consumer(stackEnv, "sigterm-check-" + UUID.randomUUID());
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = committed.keySet().stream().toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = endOffsets(Topics.FAKER);
            long deadline = System.nanoTime() + LANDING.toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    OffsetAndMetadata mark = committed.get(new TopicPartition(record.topic(), record.partition()));
                    if (record.key() != null && record.key().startsWith(prefix) && mark != null && record.offset() < mark.offset()) {
                        assertEquals(1, session.execute(SimpleStatement.newInstance(
                                "SELECT name FROM kafkapipeline.fakerdata WHERE name = ?", record.key())).all().size(), record.key());
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 0, "some committed records checked");
    }

    private static void send(String topic, String key, Map<String, Object> value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, Json.toBytes(value))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        return KafkaOffsets.end(stack.kafkaBootstrap(), topic);
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        return KafkaOffsets.committed(stack.kafkaBootstrap(), group);
    }

    private static boolean committedBeyond(String group, Map<TopicPartition, Long> start) {
        return committed(group).entrySet().stream().anyMatch(e -> e.getValue().offset() > start.getOrDefault(e.getKey(), 0L));
    }

    private static boolean committedUpTo(String group, Map<TopicPartition, Long> end) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
    }
}
