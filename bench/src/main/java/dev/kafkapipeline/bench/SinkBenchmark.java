package dev.kafkapipeline.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.PipelineSchema;
import dev.kafkapipeline.cassandra.client.mapping.ColumnMapping;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.cassandra.client.write.CassandraWriter;
import dev.kafkapipeline.cassandra.client.write.WriterOptions;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.consumers.ConsumerLoop;
import dev.kafkapipeline.consumers.ConsumerMappings;
import dev.kafkapipeline.local.stack.ConnectRest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The sink benchmark: the same faker-shaped records through (a) the Kafka
 * Connect sink, (b) the consumers' loop and (c) the driver alone with bounded
 * async inserts, each warmed up first and measured in the same run against the
 * same Cassandra. Throughput counts the rows between the first and last write
 * time of a drained backlog; latency is write time minus the record's Kafka
 * timestamp while records arrive at a steady rate.
 *
 * <p>Needs a running stack: KAFKA_BROKER_URL, CASSANDRA_HOST, CASSANDRA_PORT,
 * CONNECT_URL (default http://localhost:8083); BENCH_RECORDS (200000),
 * BENCH_WARMUP (50000), BENCH_LATENCY_RATE (1000/s), BENCH_LATENCY_SECONDS (10),
 * BENCH_PASSES (2). The whole sequence runs once per pass and the last pass is
 * the one to read: on a node that started minutes ago the driver alone writes
 * twice as fast after a pass as before it (measured here: 8,242 before and
 * 16,683 rows/s after the first pass), which would flatter the paths measured
 * last; the warm-up records of each path do not make up for that.
 * It writes to its own tables (bench_connector, bench_consumer, bench_driver)
 * and topics, and removes the topics and its connector at the end.
 */
public final class SinkBenchmark {
    private static final int PARTITIONS = 3;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

    private final EnvConfig env;
    private final CassandraSettings settings;
    private final CqlSession session;
    private final KafkaProducer<String, byte[]> producer;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000);
    private final Map<String, String> fakerConfig = ConsumerMappings.sinkConfig("faker-sink.json");
    private final TableMapping fakerMapping;

    private SinkBenchmark(EnvConfig env, CqlSession session) {
        this.env = env;
        this.settings = CassandraSettings.from(env);
        this.session = session;
        Properties props = KafkaSettings.producer(env, "sink-bench");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        this.producer = new KafkaProducer<>(props);
        this.fakerMapping = ConsumerMappings.forTopics(List.of(Topics.FAKER), env).get(0);
    }

    public static void main(String[] args) throws Exception {
        EnvConfig env = EnvConfig.fromEnvironment();
        try (CqlSession session = CassandraSessions.open(CassandraSettings.from(env))) {
            SinkBenchmark bench = new SinkBenchmark(env, session);
            try {
                bench.run(env.integer("BENCH_RECORDS", 200_000), env.integer("BENCH_WARMUP", 50_000),
                        env.integer("BENCH_PASSES", 2), env.integer("BENCH_LATENCY_RATE", 1000), env.integer("BENCH_LATENCY_SECONDS", 10));
            } finally {
                bench.producer.close();
            }
        }
    }

    private void run(int records, int warmup, int passes, int latencyRate, int latencySeconds) throws Exception {
        System.out.printf("Sink benchmark: %d records (~%d bytes each), %d warm-up, latency at %d records/s for %d s, %d passes%n",
                records, Json.toBytes(BenchRecords.person("m-000000", 0)).length, warmup, latencyRate, latencySeconds, passes);
        for (String table : List.of("bench_driver", "bench_connector", "bench_consumer")) {
            createTable(table);
        }
        for (int pass = 1; pass <= passes; pass++) {
            System.out.printf("%nPass %d of %d%s%n", pass, passes, pass < passes ? " (warms up Cassandra, Kafka and Connect)" : "");
            String id = run + "-" + pass;
            // The ceiling is measured before and after the two paths, and the higher figure is used, so
            // a busy moment on a shared machine cannot flatter the ratios.
            double driverBefore = driverAlone(records, warmup);
            Result connector = throughConnector(id, records, warmup, latencyRate, latencySeconds);
            Result consumer = throughConsumer(id, records, warmup, latencyRate, latencySeconds);
            double driverAfter = driverAlone(records, warmup);
            double driver = Math.max(driverBefore, driverAfter);

            System.out.println();
            System.out.printf("(c) driver alone     %,9.0f rows/s   (before %,.0f, after %,.0f)%n", driver, driverBefore, driverAfter);
            System.out.printf("(a) connector        %,9.0f rows/s   a/c = %.2f   latency p50 %d ms, p99 %d ms%n",
                    connector.rowsPerSecond, connector.rowsPerSecond / driver, connector.p50, connector.p99);
            System.out.printf("(b) consumer         %,9.0f rows/s   b/c = %.2f   latency p50 %d ms, p99 %d ms%n",
                    consumer.rowsPerSecond, consumer.rowsPerSecond / driver, consumer.p50, consumer.p99);
        }
    }

    private record Result(double rowsPerSecond, long p50, long p99) {}

    // (c) ------------------------------------------------------------------

    private double driverAlone(int records, int warmup) {
        String columns = fakerMapping.columns().stream().map(ColumnMapping::column).collect(Collectors.joining(", "));
        String marks = fakerMapping.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        PreparedStatement insert = session.prepare("INSERT INTO " + settings.keyspace() + ".bench_driver (" + columns
                + ") VALUES (" + marks + ")");
        truncate("bench_driver");
        insertAll(insert, "w-", warmup);
        truncate("bench_driver");
        insertAll(insert, "m-", records);
        double rate = Figures.rowsPerSecond(writeTimes("bench_driver", records, null).times);
        System.out.printf("(c) driver alone: %,.0f rows/s%n", rate);
        return rate;
    }

    private void insertAll(PreparedStatement insert, String prefix, int count) {
        Semaphore inFlight = new Semaphore(WriterOptions.DEFAULTS.maxInFlight());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> person = BenchRecords.person(name(prefix, i), i);
            BoundStatementBuilder bound = insert.boundStatementBuilder().setConsistencyLevel(fakerMapping.consistency());
            for (int c = 0; c < fakerMapping.columns().size(); c++) {
                Object value = person.get(fakerMapping.columns().get(c).column());
                if (value instanceof Integer number) {
                    bound.setInt(c, number);
                } else {
                    bound.setString(c, (String) value);
                }
            }
            inFlight.acquireUninterruptibly();
            session.executeAsync(bound.build()).whenComplete((rs, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                inFlight.release();
            });
        }
        inFlight.acquireUninterruptibly(WriterOptions.DEFAULTS.maxInFlight());
        if (failure.get() != null) {
            throw new IllegalStateException("driver insert failed: " + failure.get(), failure.get());
        }
    }

    // (a) ------------------------------------------------------------------

    private Result throughConnector(String id, int records, int warmup, int latencyRate, int latencySeconds) throws Exception {
        String topic = "bench-connector-" + id;
        String connector = "bench-sink-" + id;
        createTopics(topic);
        ConnectRest connect = new ConnectRest(env.string("CONNECT_URL", "http://localhost:8083"));
        Map<String, String> config = new HashMap<>();
        fakerConfig.forEach((key, value) -> {
            // The mapping and its table are the benchmark's own (a FAKER_TABLE the worker has must not move them).
            if (!key.startsWith("topic.") && !key.equals("table")) {
                config.put(key, value);
            }
        });
        config.put("topics", topic);
        config.put("errors.deadletterqueue.topic.name", Topics.deadLetterTopic(topic));
        config.put("topic." + topic + "." + settings.keyspace() + ".bench_connector.mapping", mappingText());
        config.put("topic." + topic + "." + settings.keyspace() + ".bench_connector.consistencyLevel", fakerMapping.consistency().name());
        try {
            connect.putConfig(connector, config);
            awaitTrue("the bench connector's task running", Duration.ofMinutes(2), () -> connect.taskState(connector).equals("RUNNING"));
            Map<Integer, String> last = produce(topic, "w-", warmup);
            awaitRows("bench_connector", last);

            connect.pause(connector);
            awaitTrue("the bench connector paused", Duration.ofMinutes(1), () -> connect.taskState(connector).equals("PAUSED"));
            truncate("bench_connector");
            last = produce(topic, "m-", records);
            connect.resume(connector);
            awaitRows("bench_connector", last);
            double rate = Figures.rowsPerSecond(writeTimes("bench_connector", records, null).times);
            System.out.printf("(a) connector: %,.0f rows/s%n", rate);

            truncate("bench_connector");
            long[] sent = new long[latencyRate * latencySeconds];
            last = producePaced(topic, latencyRate, sent);
            awaitRows("bench_connector", last);
            return result(rate, "bench_connector", sent);
        } finally {
            connect.delete(connector);
            deleteTopics(topic);
        }
    }

    // (b) ------------------------------------------------------------------

    private Result throughConsumer(String id, int records, int warmup, int latencyRate, int latencySeconds) throws Exception {
        String topic = "bench-consumer-" + id;
        createTopics(topic);
        TableMapping mapping = new TableMapping(topic, settings.keyspace(), "bench_consumer", fakerMapping.columns(), fakerMapping.consistency());
        try (CassandraWriter writer = CassandraWriter.open(session, List.of(mapping), WriterOptions.DEFAULTS)) {
            Map<Integer, String> last = produce(topic, "w-", warmup);
            consume(writer, topic, () -> awaitRows("bench_consumer", last));

            truncate("bench_consumer");
            Map<Integer, String> measured = produce(topic, "m-", records);
            consume(writer, topic, () -> awaitRows("bench_consumer", measured));
            double rate = Figures.rowsPerSecond(writeTimes("bench_consumer", records, null).times);
            System.out.printf("(b) consumer: %,.0f rows/s%n", rate);

            truncate("bench_consumer");
            long[] sent = new long[latencyRate * latencySeconds];
            consume(writer, topic, () -> {
                Map<Integer, String> paced = producePaced(topic, latencyRate, sent);
                awaitRows("bench_consumer", paced);
            });
            return result(rate, "bench_consumer", sent);
        } finally {
            deleteTopics(topic);
        }
    }

    /** Runs a consumer loop (the service's own) while the action runs, then stops it; it commits as it goes. */
    private void consume(CassandraWriter writer, String topic, Runnable whileRunning) throws InterruptedException {
        Properties props = KafkaSettings.consumer(env, "bench-" + topic);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props);
                KafkaProducer<String, byte[]> deadLetters = new KafkaProducer<>(KafkaSettings.producer(env, "bench-dlq"))) {
            ConsumerLoop loop = new ConsumerLoop(consumer, deadLetters, writer, 1, Duration.ofSeconds(20));
            Thread thread = new Thread(() -> loop.run(List.of(topic)), "bench-consumer");
            thread.start();
            try {
                whileRunning.run();
            } finally {
                loop.stop();
                thread.join();
            }
        }
    }

    // shared ---------------------------------------------------------------

    private String mappingText() {
        return fakerMapping.columns().stream().map(ColumnMapping::toString).collect(Collectors.joining(", "));
    }

    private Result result(double rate, String table, long[] sentMillis) {
        Rows rows = writeTimes(table, sentMillis.length, "l-");
        long[] latencies = new long[rows.times.length];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = rows.times[i] / 1000 - sentMillis[rows.indexes[i]];
        }
        return new Result(rate, Figures.percentile(latencies, 0.5), Figures.percentile(latencies, 0.99));
    }

    private record Rows(long[] times, int[] indexes) {}

    /** Write times (µs) of every row of the table, checking that exactly `expected` rows are there. */
    private Rows writeTimes(String table, int expected, String prefix) {
        List<Long> times = new ArrayList<>(expected);
        List<Integer> indexes = new ArrayList<>(expected);
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT name, WRITETIME(city) FROM "
                + settings.keyspace() + "." + table).setPageSize(5000).setTimeout(Duration.ofSeconds(60)))) {
            String name = row.getString(0);
            if (prefix == null || name.startsWith(prefix)) {
                times.add(row.getLong(1));
                indexes.add(Integer.parseInt(name.substring(2)));
            }
        }
        if (times.size() != expected) {
            throw new IllegalStateException(table + " holds " + times.size() + " rows, expected " + expected);
        }
        return new Rows(times.stream().mapToLong(Long::longValue).toArray(), indexes.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String name(String prefix, int i) {
        return prefix + String.format("%06d", i);
    }

    /** Sends the records as fast as the producer goes; returns the last key sent to each partition. */
    private Map<Integer, String> produce(String topic, String prefix, int count) {
        Map<Integer, String> last = new java.util.concurrent.ConcurrentHashMap<>();
        Map<Integer, Long> lastOffset = new java.util.concurrent.ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = name(prefix, i);
            producer.send(new ProducerRecord<>(topic, key, Json.toBytes(BenchRecords.person(key, i))),
                    (meta, e) -> track(meta, e, key, last, lastOffset));
        }
        producer.flush();
        return last;
    }

    /** Sends records at a steady rate, each stamped with its send time; sentMillis[i] keeps the stamps. */
    private Map<Integer, String> producePaced(String topic, int perSecond, long[] sentMillis) {
        Map<Integer, String> last = new java.util.concurrent.ConcurrentHashMap<>();
        Map<Integer, Long> lastOffset = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < sentMillis.length; i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            String key = name("l-", i);
            sentMillis[i] = System.currentTimeMillis();
            producer.send(new ProducerRecord<>(topic, null, sentMillis[i], key, Json.toBytes(BenchRecords.person(key, i))),
                    (meta, e) -> track(meta, e, key, last, lastOffset));
        }
        producer.flush();
        return last;
    }

    private static void track(RecordMetadata meta, Exception e, String key, Map<Integer, String> last, Map<Integer, Long> lastOffset) {
        if (e != null) {
            throw new IllegalStateException("producing " + key + " failed", e);
        }
        synchronized (last) {
            if (meta.offset() >= lastOffset.getOrDefault(meta.partition(), -1L)) {
                lastOffset.put(meta.partition(), meta.offset());
                last.put(meta.partition(), key);
            }
        }
    }

    /** Both paths write a partition's records batch after batch, so its last record's row marks the end. */
    private void awaitRows(String table, Map<Integer, String> lastPerPartition) {
        PreparedStatement select = session.prepare("SELECT name FROM " + settings.keyspace() + "." + table + " WHERE name = ?");
        awaitTrue("the last records in " + table, DRAIN_TIMEOUT, () -> lastPerPartition.values().stream()
                .allMatch(key -> session.execute(select.bind(key)).one() != null));
    }

    private void createTable(String table) {
        CassandraSettings renamed = settings.withFakerTable(table);
        for (String statement : PipelineSchema.forSettings(renamed).statements()) {
            if (statement.contains("." + table + " ")) {
                session.execute(SimpleStatement.newInstance(statement).setTimeout(settings.schemaTimeout()));
            }
        }
        truncate(table);
    }

    private void truncate(String table) {
        session.execute(SimpleStatement.newInstance("TRUNCATE " + settings.keyspace() + "." + table).setTimeout(settings.schemaTimeout()));
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaSettings.bootstrapServers(env)));
    }

    private void createTopics(String topic) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1),
                    new NewTopic(Topics.deadLetterTopic(topic), 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    private void deleteTopics(String topic) throws Exception {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic, Topics.deadLetterTopic(topic))).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not reached within " + timeout.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }
}
