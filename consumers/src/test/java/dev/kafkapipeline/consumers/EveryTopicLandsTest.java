package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.PipelineSchema;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.rows.Column;
import dev.kafkapipeline.common.rows.CqlType;
import dev.kafkapipeline.common.rows.FakerColumn;
import dev.kafkapipeline.common.rows.LapColumn;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.FakerRecords;
import dev.kafkapipeline.testsupport.NativeStackTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract both sink paths keep: the records of every topic land as typed
 * rows, every column of the row definitions with the value its field held. One
 * test, run against each {@link SinkPath}; each path writes to a keyspace of its
 * own, so one path's rows can never stand in for the other's.
 */
@NativeStackTest
class EveryTopicLandsTest {
    private static final Duration LANDING = Duration.ofSeconds(120);
    private static final int N = 40;
    private static final Instant FIRST = Instant.parse("2024-05-01T12:00:00Z");

    @ParameterizedTest
    @EnumSource(SinkPath.class)
    void everyTopicLandsAsTypedRows(SinkPath path, NativeStack stack) throws Exception {
        String keyspace = "typed_" + path.name().toLowerCase(Locale.ROOT);
        CassandraSettings own = CassandraSettings.from(stack.serviceEnvironment().with(Map.of("CASSANDRA_KEYSPACE", keyspace)));
        String run = path + "-" + System.nanoTime();
        try (CqlSession session = CassandraSessions.open(stack.cassandraSettings());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(stack.serviceEnvironment(), run))) {
            PipelineSchema.forSettings(own).apply(session, own);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                names.add(run + "-person-" + i);
                send(producer, Topics.FAKER, names.get(i), FakerRecords.person(names.get(i), i));
                send(producer, Topics.WEATHER, run, weather(run, i));
                send(producer, Topics.FASTF1, run + "/VER", lap(run, i));
            }
            try (SinkPath.Running running = path.start(stack, keyspace)) {
                Eventually.holds(N + " faker rows in " + keyspace, LANDING, () -> session.execute(SimpleStatement.newInstance(
                        "SELECT count(*) FROM " + keyspace + ".fakerdata WHERE name IN ?", names)).one().getLong(0) == N);
                Eventually.holds(N + " weather rows in " + keyspace, LANDING, () -> count(session, keyspace + ".weatherreport", "location", run) == N);
                Eventually.holds(N + " laps in " + keyspace, LANDING, () -> count(session, keyspace + ".lapsummary", "session_key", run) == N);
            }

            for (int i = 0; i < N; i++) {
                Row person = session.execute(SimpleStatement.newInstance("SELECT * FROM " + keyspace + ".fakerdata WHERE name = ?",
                        names.get(i))).one();
                assertColumns(FakerColumn.values(), FakerRecords.person(names.get(i), i), person);
            }
            for (Row lap : session.execute(SimpleStatement.newInstance("SELECT * FROM " + keyspace + ".lapsummary WHERE session_key = ?", run))) {
                assertColumns(LapColumn.values(), lap(run, lap.getInt(LapColumn.LAP_NUMBER.column()) - 1), lap);
            }
            Row report = session.execute(SimpleStatement.newInstance("SELECT * FROM " + keyspace + ".weatherreport "
                    + "WHERE location = ? AND forecastdate = ?", run, FIRST.plusSeconds(60L * 3))).one();
            assertEquals(283.5, report.getDouble("temp"));
            assertEquals(40.0, report.getDouble("humidity"), "an int field in a double column");
            assertEquals(1_714_540_003L, report.getLong("sunrise"));
            assertEquals("clear sky", report.getString("description"));
            assertTrue(report.isNull("pressure"), "an absent field stays unset");
        }
    }

    /** Each column holds its field's value as its CQL type's Java type (a timestamp from its ISO-8601 text). */
    private static void assertColumns(Column[] definition, Map<String, Object> record, Row row) {
        for (Column column : definition) {
            Object field = record.get(column.column());
            Object expected = column.type() == CqlType.TIMESTAMP ? Instant.parse((String) field) : field;
            assertEquals(expected, row.get(column.column(), column.type().javaType()), column.column() + " of " + record);
        }
    }

    /** A lap with a value in every column, of the column's type, different from lap to lap. */
    private static Map<String, Object> lap(String session, int i) {
        Map<String, Object> lap = new LinkedHashMap<>();
        for (LapColumn column : LapColumn.values()) {
            lap.put(column.column(), switch (column) {
                case SESSION_KEY -> session;
                case DRIVER -> "VER";
                case LAP_NUMBER -> i + 1;
                default -> switch (column.type()) {
                    case TEXT -> column.column() + " " + i;
                    case INT -> 1000 * i + column.ordinal();
                    case BOOLEAN -> (i + column.ordinal()) % 2 == 0;
                    case TIMESTAMP -> FIRST.plusSeconds(i).toString();
                };
            });
        }
        return lap;
    }

    private static Map<String, Object> weather(String location, int i) {
        Map<String, Object> weather = new LinkedHashMap<>();
        weather.put("location", location);
        weather.put("report_time", FIRST.plusSeconds(60L * i).toString());
        weather.put("description", "clear sky");
        weather.put("temp", 280.5 + i);
        weather.put("humidity", 40);
        weather.put("sunrise", 1_714_540_000L + i);
        return weather;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, Map<String, Object> value)
            throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>(topic, key, Json.toBytes(value))).get();
    }

    private static long count(CqlSession session, String table, String keyColumn, String key) {
        return session.execute(SimpleStatement.newInstance("SELECT count(*) FROM " + table + " WHERE " + keyColumn + " = ?", key))
                .one().getLong(0);
    }
}
