package dev.kafkapipeline.connect;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.local.stack.NativeStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** What the sink's integration tests do to the stack: produce, count rows, read the DLQ, ask Connect. */
final class StackClient implements AutoCloseable {
    private final NativeStack stack;
    private final KafkaProducer<String, byte[]> producer;
    final CqlSession session;

    StackClient(NativeStack stack, CqlSession session) {
        this.stack = stack;
        this.session = session;
        this.producer = new KafkaProducer<>(KafkaSettings.producer(stack.serviceEnvironment(), "sink-it"));
    }

    void send(String topic, String key, Object value) {
        send(topic, key, value instanceof byte[] raw ? raw : Json.toBytes(value));
    }

    void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("producing to " + topic + " failed", e);
        }
    }

    static Map<String, Object> person(String name, int i) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("name", name);
        p.put("building_number", Integer.toString(100 + i));
        p.put("street_name", "Main Street");
        p.put("city", "Springfield");
        p.put("country", "Freedonia");
        p.put("postcode", "12345");
        p.put("year", 1950 + i % 60);
        p.put("job", "Engineer");
        p.put("company", "Acme");
        p.put("company_email", "info@acme.example");
        p.put("ssn", "123-45-6789");
        p.put("passport_number", "X1234567");
        p.put("credit_card_provider", "VISA");
        p.put("credit_card_number", "4111111111111111");
        p.put("credit_card_expire", "12/29");
        p.put("credit_card_security_code", "123");
        return p;
    }

    /** Rows of fakerdata whose name starts with the prefix (a paged scan: the table is small in tests). */
    long fakerRows(String prefix) {
        long n = 0;
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT name FROM kafkapipeline.fakerdata").setPageSize(5000))) {
            if (row.getString(0).startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    long partitionRows(String table, String keyColumn, String key) {
        return session.execute(SimpleStatement.newInstance(
                "SELECT count(*) FROM kafkapipeline." + table + " WHERE " + keyColumn + " = ?", key)).one().getLong(0);
    }

    /** The DLQ records of a topic whose key starts with the prefix, read from the beginning until `expected` are found. */
    List<ConsumerRecord<String, byte[]>> deadLetters(String topic, String keyPrefix, int expected, Duration timeout) {
        Properties props = KafkaSettings.consumer(stack.serviceEnvironment(), "sink-it-dlq-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic + ".dlq"));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(keyPrefix)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The state of the connector's first task (RUNNING, FAILED, ...), or "none" while it has none. */
    String taskState(String connector) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.connectUrl() + "/connectors/" + connector + "/status")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "http " + response.statusCode();
            }
            JsonNode tasks = Json.MAPPER.readTree(response.body()).path("tasks");
            return tasks.isEmpty() ? "none" : tasks.get(0).path("state").asText() + " " + tasks.get(0).path("trace").asText("");
        } catch (IOException e) {
            return "unreachable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastError = "";
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // Cassandra or Kafka may be restarting in a fault test: not yet, try again.
                lastError = " (last error: " + e.getMessage() + ")";
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout.toSeconds() + " s: " + what + lastError);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
