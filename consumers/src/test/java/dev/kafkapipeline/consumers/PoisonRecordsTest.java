package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.cassandra.client.write.CassandraWriter;
import dev.kafkapipeline.cassandra.client.write.FaithfulValues;
import dev.kafkapipeline.cassandra.client.write.PoisonValues;
import dev.kafkapipeline.cassandra.client.write.RecordLimits;
import dev.kafkapipeline.cassandra.client.write.WriterOptions;
import dev.kafkapipeline.common.json.InvalidJsonException;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.consumers.SinkOutcomes.DeadLetter;
import dev.kafkapipeline.local.stack.ConnectRest;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.KafkaOffsets;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.local.stack.NativeStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Generated poison, mixed with plainly right records, through both sink paths
 * on the real stack, each writing its own table: no Connect task fails, the
 * consumers keep running, every record is a row holding what its JSON said or
 * a dead letter with a reason, unchanged, and both paths do the same with each
 * record. Set -Dpoison.seed to replay a run.
 */
@NativeStackTest
class PoisonRecordsTest {
    private static final long SEED = Long.getLong("poison.seed", System.nanoTime());
    private static final int RECORDS = 300;
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    /** Small, so that a record over the limit is still one the broker takes. */
    private static final RecordLimits LIMITS = new RecordLimits(16 * 1024, 2 * 1024, 100, 400);
    /** Column to CQL type: one column of each type the pipeline writes. */
    private static final Map<String, String> FIELDS = fields();
    private static final String MAPPING = "id=value.id, t=value.t, i=value.i, b=value.b, f=value.f, d=value.d, "
            + "flag=value.flag, ts=value.ts";
    private static final String CONNECT_TABLE = "poison_connect";
    private static final String CONSUMERS_TABLE = "poison_consumers";

    /** A record as sent, with the row it must give when it is plainly right. */
    private record Sent(String key, byte[] value, Map<String, Object> expected) {}

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        List.of("t:text", "i:int", "b:bigint", "f:float", "d:double", "flag:boolean", "ts:timestamp")
                .forEach(f -> fields.put(f.split(":")[0], f.split(":")[1]));
        return fields;
    }

    @Test
    void bothPathsWriteTheSameRowOrDeadLetterTheSameRecordAndNeitherStops(NativeStack stack) throws Exception {
        System.out.println("PoisonRecordsTest seed " + SEED + " (replay with -Dpoison.seed=" + SEED + ")");
        String run = "poison-" + System.nanoTime();
        CassandraSettings cassandra = stack.cassandraSettings();
        try (CqlSession session = CassandraSessions.open(cassandra)) {
            for (String table : List.of(CONNECT_TABLE, CONSUMERS_TABLE)) {
                session.execute(SimpleStatement.newInstance("CREATE TABLE IF NOT EXISTS " + cassandra.keyspace() + "." + table
                        + " (id text PRIMARY KEY, t text, i int, b bigint, f float, d double, flag boolean, ts timestamp)")
                        .setTimeout(cassandra.schemaTimeout()));
            }
            createTopics(stack, run);
            List<Sent> sent = send(stack, run);
            Map<TopicPartition, Long> end = KafkaOffsets.end(stack.kafkaBootstrap(), run);

            ConnectRest connect = new ConnectRest(stack.connectUrl());
            Eventually.holds("the poison connector registered", DEADLINE, () -> {
                connect.putConfig(run, connectorConfig(run, cassandra));
                return true;
            });
            AtomicReference<Throwable> consumersDied = new AtomicReference<>();
            try (CassandraWriter writer = CassandraWriter.open(session, List.of(TableMapping.parse(run, cassandra.keyspace(),
                        CONSUMERS_TABLE, MAPPING, TableMapping.DEFAULT_CONSISTENCY)), new WriterOptions(64, 32,
                        Duration.ofMillis(100), Duration.ofSeconds(5), LIMITS));
                    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.consumer(stack.serviceEnvironment(), run));
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(stack.serviceEnvironment(), run))) {
                ConsumerLoop loop = new ConsumerLoop(consumer, producer, writer, 5, Duration.ofSeconds(20));
                Thread consumers = new Thread(() -> loop.run(List.of(run)), "consumers-fed-poison");
                consumers.setUncaughtExceptionHandler((thread, e) -> consumersDied.set(e));
                consumers.start();
                try {
                    Eventually.holds("both paths committed every record", DEADLINE, () -> {
                        assertBothRunning(stack, connect, run, consumers, consumersDied);
                        return committedUpTo(stack, "connect-" + run, end) && committedUpTo(stack, run, end);
                    });
                    assertBothRunning(stack, connect, run, consumers, consumersDied);
                } finally {
                    loop.stop();
                    consumers.join(DEADLINE.toMillis());
                    connect.delete(run);
                }
            }

            String prefix = run + "-";
            List<String> columns = new ArrayList<>(List.of("id"));
            columns.addAll(FIELDS.keySet());
            Map<String, Map<String, Object>> connectRows = SinkOutcomes.rows(session, cassandra.keyspace() + "." + CONNECT_TABLE, columns, prefix);
            Map<String, Map<String, Object>> consumersRows = SinkOutcomes.rows(session, cassandra.keyspace() + "." + CONSUMERS_TABLE, columns, prefix);
            List<DeadLetter> letters = SinkOutcomes.deadLetters(stack.serviceEnvironment(), stack.kafkaBootstrap(),
                    Topics.deadLetterTopic(run), DEADLINE);
            List<String> problems = new ArrayList<>();
            int rows = 0;
            for (Sent record : sent) {
                rows += account(record, connectRows.get(record.key()), consumersRows.get(record.key()), letters, problems);
            }
            assertEquals("", String.join("\n", problems.subList(0, Math.min(problems.size(), 20))),
                    problems.size() + " records went wrong, seed " + SEED + " (replay with -Dpoison.seed=" + SEED + ")");
            assertTrue(rows >= RECORDS / 3, "the plainly right records at least made rows: " + rows);
            assertTrue(rows < RECORDS, "some records were poison enough to be rejected: " + rows + " rows");
        }
    }

    /** Checks one record's outcome on both paths; returns 1 when it made rows. */
    private static int account(Sent record, Map<String, Object> connectRow, Map<String, Object> consumersRow,
            List<DeadLetter> letters, List<String> problems) {
        String shown = record.key() + " " + new String(record.value(), 0, Math.min(record.value().length, 200), StandardCharsets.UTF_8);
        List<DeadLetter> mine = letters.stream().filter(l -> record.key().equals(l.key())).toList();
        List<DeadLetter> connectLetters = mine.stream().filter(DeadLetter::fromConnect).toList();
        List<DeadLetter> consumersLetters = mine.stream().filter(l -> !l.fromConnect()).toList();
        for (DeadLetter letter : mine) {
            if (!Arrays.equals(record.value(), letter.value()) || letter.reason() == null || letter.reason().isBlank()) {
                problems.add(shown + ": dead-lettered changed or without a reason by " + (letter.fromConnect() ? "Connect" : "the consumers"));
            }
        }
        boolean connectRejected = !connectLetters.isEmpty();
        boolean consumersRejected = !consumersLetters.isEmpty();
        if (connectRejected == (connectRow != null) || consumersRejected == (consumersRow != null)) {
            problems.add(shown + ": not exactly one of row or dead letter: Connect row " + (connectRow != null) + ", letter "
                    + connectRejected + "; consumers row " + (consumersRow != null) + ", letter " + consumersRejected);
            return 0;
        }
        if (connectRejected != consumersRejected) {
            problems.add(shown + ": the paths disagree: Connect " + (connectRejected ? "rejected it: " + connectLetters.get(0).reason()
                    : "wrote " + connectRow) + "; the consumers " + (consumersRejected ? "rejected it: " + consumersLetters.get(0).reason()
                    : "wrote " + consumersRow));
            return 0;
        }
        if (connectRejected) {
            DeadLetter a = connectLetters.get(0);
            DeadLetter b = consumersLetters.get(0);
            // A reason may name the table, which here differs on purpose.
            String connectReason = a.reason().replace(CONNECT_TABLE, "<table>");
            String consumersReason = b.reason().replace(CONSUMERS_TABLE, "<table>");
            if (!connectReason.equals(consumersReason) || !a.exception().equals(b.exception()) || !a.sourceTopic().equals(b.sourceTopic())) {
                problems.add(shown + ": different dead letters: Connect " + a.exception() + " " + a.reason() + "; consumers "
                        + b.exception() + " " + b.reason());
            }
            if (record.expected() != null) {
                problems.add(shown + ": a plainly right record was rejected: " + a.reason());
            }
            return 0;
        }
        if (!connectRow.equals(consumersRow)) {
            problems.add(shown + ": different rows: Connect " + connectRow + ", consumers " + consumersRow);
        }
        if (record.expected() != null && !record.expected().equals(connectRow)) {
            problems.add(shown + ": written as " + connectRow + ", not " + record.expected());
        }
        faithful(record, connectRow, shown, problems);
        return 1;
    }

    /** Every column holds what the record's JSON said, or nothing where it said nothing. */
    private static void faithful(Sent record, Map<String, Object> row, String shown, List<String> problems) {
        Map<String, Object> json;
        try {
            json = Json.readObject(record.value());
        } catch (InvalidJsonException e) {
            problems.add(shown + ": a record that is not JSON made a row");
            return;
        }
        FIELDS.forEach((column, type) -> {
            Object value = json.get(column);
            String problem = value == null ? (row.get(column) == null ? null : "set from nothing")
                    : FaithfulValues.problem(type, value, row.get(column));
            if (problem != null) {
                problems.add(shown + ": column " + column + " holds " + row.get(column) + ": " + problem);
            }
        });
    }

    private static List<Sent> send(NativeStack stack, String run) throws InterruptedException, ExecutionException {
        PoisonValues poison = new PoisonValues(SEED, LIMITS);
        List<Sent> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(stack.serviceEnvironment(), run + "-it"))) {
            for (int i = 0; i < RECORDS; i++) {
                String key = run + "-" + i;
                sent.add(i % 3 == 0 ? plainlyRight(poison, key) : new Sent(key, poison.record("id", key, FIELDS), null));
            }
            for (Sent record : sent) {
                producer.send(new ProducerRecord<>(run, record.key(), record.value()));
            }
            producer.flush();
        }
        return sent;
    }

    private static Sent plainlyRight(PoisonValues poison, String key) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", key);
        StringBuilder json = new StringBuilder("{\"id\":\"").append(key).append('"');
        FIELDS.forEach((column, type) -> {
            PoisonValues.Right right = poison.right(type);
            json.append(",\"").append(column).append("\":").append(right.literal());
            expected.put(column, right.value());
        });
        return new Sent(key, json.append('}').toString().getBytes(StandardCharsets.UTF_8), expected);
    }

    private static void createTopics(NativeStack stack, String topic) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1), new NewTopic(Topics.deadLetterTopic(topic), 1, (short) 1)))
                    .all().get();
        }
    }

    /** A sink like the committed ones (same converters, dead-letter settings), on this test's topic and table. */
    private static Map<String, String> connectorConfig(String topic, CassandraSettings cassandra) {
        Map<String, String> config = new HashMap<>(ConsumerMappings.sinkConfig("faker-sink.json"));
        config.keySet().removeIf(key -> key.startsWith("topic.") || key.equals("table"));
        config.put("topics", topic);
        config.put("contactPoints", cassandra.host());
        config.put("port", Integer.toString(cassandra.port()));
        config.put("keyspace", cassandra.keyspace());
        config.put("topic." + topic + "." + cassandra.keyspace() + "." + CONNECT_TABLE + ".mapping", MAPPING);
        config.put("errors.deadletterqueue.topic.name", Topics.deadLetterTopic(topic));
        config.put("errors.log.enable", "false");
        config.put("maxRecordBytes", Integer.toString(LIMITS.maxRecordBytes()));
        config.put("maxTextBytes", Integer.toString(LIMITS.maxTextBytes()));
        config.put("maxNumberDigits", Integer.toString(LIMITS.maxNumberDigits()));
        config.put("maxNumberExponent", Integer.toString(LIMITS.maxNumberExponent()));
        return config;
    }

    private static void assertBothRunning(NativeStack stack, ConnectRest connect, String connector, Thread consumers,
            AtomicReference<Throwable> consumersDied) {
        String state = connect.taskState(connector);
        if (state.equals("FAILED")) {
            throw new AssertionError("the Connect task failed; see " + stack.logFile("connect"));
        }
        if (!consumers.isAlive()) {
            throw new AssertionError("the consumers stopped: " + consumersDied.get(), consumersDied.get());
        }
    }

    private static boolean committedUpTo(NativeStack stack, String group, Map<TopicPartition, Long> end) {
        Map<TopicPartition, OffsetAndMetadata> committed = KafkaOffsets.committed(stack.kafkaBootstrap(), group);
        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
    }
}
