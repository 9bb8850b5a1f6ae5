package dev.kafkapipeline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.PipelineSchema;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.rows.LapColumn;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@NativeStackTest
class NativeStackIntegrationTest {

    @Test
    void aJsonRecordMakesTheRoundTripThroughTheBroker(NativeStack stack) throws Exception {
        var env = stack.serviceEnvironment();
        String key = "round-trip-" + UUID.randomUUID();
        Map<String, Object> record = Map.of("name", key, "year", 1999, "city", "Melbourne");
        RecordMetadata sent;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(env, "round-trip"))) {
            sent = producer.send(new ProducerRecord<>("faker", key, Json.toBytes(record))).get();
        }
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.consumer(env, "round-trip-" + UUID.randomUUID()))) {
            consumer.subscribe(List.of("faker"));
            Instant deadline = Instant.now().plusSeconds(60);
            while (received.stream().noneMatch(r -> key.equals(r.key())) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        ConsumerRecord<String, byte[]> mine = received.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("the record did not come back within 60 s"));
        assertEquals(sent.partition(), mine.partition());
        assertEquals(record, Json.readObject(mine.value()));
    }

    /** The stack's home holds the Jupyter token, the logs and the data. */
    @Test
    void theStacksHomeIsReadableByItsOwnerOnly(NativeStack stack) throws Exception {
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(stack.settings().home())));
    }

    @Test
    void theThreeTablesHaveThePrimaryKeysOfTheDesign(NativeStack stack) {
        CassandraSettings settings = stack.cassandraSettings();
        try (CqlSession session = CassandraSessions.open(settings)) {
            var keyspace = session.getMetadata().getKeyspace(settings.keyspace()).orElseThrow();
            assertKey(keyspace.getTable("weatherreport").orElseThrow(), List.of("location"), List.of("forecastdate"));
            assertKey(keyspace.getTable("fakerdata").orElseThrow(), List.of("name"), List.of());
            assertKey(keyspace.getTable("lapsummary").orElseThrow(), List.of("session_key"), List.of("driver", "lap_number"));
            assertEquals("org.apache.cassandra.locator.SimpleStrategy", keyspace.getReplication().get("class"));
            assertEquals("1", keyspace.getReplication().get("replication_factor"));
        }
    }

    /**
     * A data folder made before the millisecond columns: the schema applier adds
     * them to its lapsummary (Cassandra 5's ADD IF NOT EXISTS), keeps its rows,
     * and applying it again changes nothing.
     */
    @Test
    void aLapsummaryMadeBeforeTheMillisecondColumnsGetsThemAndKeepsItsRows(NativeStack stack) {
        CassandraSettings older = CassandraSettings.from(stack.serviceEnvironment().with(Map.of("CASSANDRA_KEYSPACE", "migrated")));
        List<LapColumn> added = List.of(LapColumn.LAP_TIME_MS, LapColumn.SECTOR1_MS, LapColumn.SECTOR2_MS, LapColumn.SECTOR3_MS);
        String olderColumns = Arrays.stream(LapColumn.values()).filter(c -> !added.contains(c))
                .map(c -> c.column() + " " + c.type().cql() + ", ").collect(Collectors.joining());
        try (CqlSession session = CassandraSessions.open(stack.cassandraSettings())) {
            session.execute("CREATE KEYSPACE migrated WITH replication = " + CassandraSettings.DEFAULT_REPLICATION);
            session.execute(SimpleStatement.newInstance("CREATE TABLE migrated.lapsummary (" + olderColumns
                    + "PRIMARY KEY ((session_key), driver, lap_number))").setTimeout(older.schemaTimeout()));
            session.execute("INSERT INTO migrated.lapsummary (session_key, driver, lap_number, lap_time) VALUES ('2018/x', 'VER', 1, '01:45.123')");

            PipelineSchema.forSettings(older).apply(session, older);
            PipelineSchema.forSettings(older).apply(session, older);

            TableMetadata table = session.refreshSchema().getKeyspace("migrated").orElseThrow().getTable("lapsummary").orElseThrow();
            for (LapColumn column : added) {
                assertEquals(DataTypes.INT, table.getColumn(column.column()).orElseThrow(() -> new AssertionError(column + " not added"))
                        .getType());
            }
            session.execute("UPDATE migrated.lapsummary SET lap_time_ms = 105123 WHERE session_key = '2018/x' AND driver = 'VER' AND lap_number = 2");
            List<Row> laps = session.execute("SELECT lap_number, lap_time, lap_time_ms FROM migrated.lapsummary WHERE session_key = '2018/x'").all();
            assertEquals("01:45.123", laps.get(0).getString("lap_time"), "the older row is kept");
            assertTrue(laps.get(0).isNull("lap_time_ms"), "and has no milliseconds until its lap is sent again");
            assertEquals(105_123, laps.get(1).getInt("lap_time_ms"));
        }
    }

    private static void assertKey(TableMetadata table, List<String> partitionKey, List<String> clustering) {
        assertEquals(partitionKey, table.getPartitionKey().stream().map(c -> c.getName().asInternal()).toList(), table.getName() + " partition key");
        assertEquals(clustering, table.getClusteringColumns().keySet().stream().map(ColumnMetadata::getName).map(n -> n.asInternal()).toList(),
                table.getName() + " clustering columns");
    }

    @Test
    void connectRestAnswersWithItsVersionAndNoConnectorsYet(NativeStack stack) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(stack.connectUrl() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, root.statusCode());
        JsonNode info = Json.MAPPER.readTree(root.body());
        assertTrue(info.path("version").asText().startsWith("4."), root.body());
        HttpResponse<String> plugins = http.send(HttpRequest.newBuilder(URI.create(stack.connectUrl() + "/connector-plugins")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plugins.statusCode(), plugins.body());
    }

    @Test
    void cassandraStoppedWithSigtermAndStartedAgainStillHasItsRows(NativeStack stack) {
        CassandraSettings settings = stack.cassandraSettings();
        List<String> names = new ArrayList<>();
        try (CqlSession session = CassandraSessions.open(settings)) {
            for (int i = 0; i < 50; i++) {
                String name = "restart-" + i + "-" + UUID.randomUUID();
                session.execute("INSERT INTO kafkapipeline.fakerdata (name, city, year) VALUES (?, ?, ?)", name, "Adelaide", 1900 + i);
                names.add(name);
            }
        }
        stack.stop("cassandra");
        assertFalse(Ports.accepts(settings.port()), "CQL is down after the stop");
        assertTrue(stack.process("cassandra").running().isEmpty());

        stack.start("cassandra");
        try (CqlSession session = CassandraSessions.open(settings)) {
            for (int i = 0; i < names.size(); i++) {
                Row row = session.execute("SELECT city, year FROM kafkapipeline.fakerdata WHERE name = ?", names.get(i)).one();
                assertTrue(row != null, "row " + names.get(i) + " survived the restart");
                assertEquals("Adelaide", row.getString("city"));
                assertEquals(1900 + i, row.getInt("year"));
            }
        }
    }
}
