package dev.kafkapipeline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
