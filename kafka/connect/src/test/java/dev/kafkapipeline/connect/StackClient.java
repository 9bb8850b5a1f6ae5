package dev.kafkapipeline.connect;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.local.stack.NativeStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What the sink's integration tests do to the stack: produce, ask Connect. */
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

    @Override
    public void close() {
        producer.close();
    }
}
