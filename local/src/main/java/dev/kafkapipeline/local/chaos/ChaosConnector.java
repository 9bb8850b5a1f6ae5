package dev.kafkapipeline.local.chaos;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.local.stack.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.kafkapipeline.local.stack.ConnectWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fault run's own Connect sink: the pipeline's faker sink config
 * (kafka/connect/sinks/faker-sink.json) writing to the Connect path's
 * keyspace, under a name (and so a consumer group) of its own.
 */
final class ChaosConnector {
    private static final String SINK_CONFIG = "kafka/connect/sinks/faker-sink.json";
    private static final Duration REST_DEADLINE = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String connectUrl;
    private final Path repository;
    private final String name;

    ChaosConnector(String connectUrl, Path repository, String name) {
        this.connectUrl = connectUrl;
        this.repository = repository;
        this.name = name;
    }

    /** The consumer group Connect gives the connector's task. */
    String group() {
        return "connect-" + name;
    }

    /**
     * Its task's consumer keeps the worker's settings: the worker lets no
     * connector override them (connector.client.config.override.policy=None),
     * so a killed worker's task holds its partitions for the worker's consumer
     * session timeout (10 s natively; Kafka's default is 45 s).
     */
    void register() {
        Map<String, String> config = new HashMap<>(sinkConfig());
        config.put("keyspace", SinkPath.CONNECT.keyspace());
        call("PUT", "/connectors/" + name + "/config", Json.toText(config), 200, 201);
    }

    /** The worker that runs the connector's task, as Connect names it (its REST host:port); empty while the task has none. */
    Optional<String> taskWorker() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connectUrl + "/connectors/" + name + "/status")).timeout(Duration.ofSeconds(30)).build();
        try {
            JsonNode tasks = Json.MAPPER.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("tasks");
            return tasks.isEmpty() || !tasks.get(0).path("state").asText().equals("RUNNING")
                    ? Optional.empty() : Optional.of(tasks.get(0).path("worker_id").asText());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    void delete() {
        call("DELETE", "/connectors/" + name, null, 204, 404);
    }

    /** Other connectors that read the topic: they write the run's records into their own tables as well. */
    List<String> othersReading(String topic) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connectUrl + "/connectors?expand=info")).timeout(Duration.ofSeconds(30)).build();
        try {
            JsonNode connectors = Json.MAPPER.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            List<String> readers = new ArrayList<>();
            connectors.fields().forEachRemaining(connector -> {
                String topics = connector.getValue().path("info").path("config").path("topics").asText("");
                if (!connector.getKey().equals(name) && List.of(topics.split("\\s*,\\s*")).contains(topic)) {
                    readers.add(connector.getKey());
                }
            });
            return readers;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the connectors at " + connectUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Map<String, String> sinkConfig() {
        try {
            Map<String, Object> sink = Json.MAPPER.readValue(repository.resolve(SINK_CONFIG).toFile(), new TypeReference<>() {});
            return Json.MAPPER.convertValue(sink.get("config"), new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SINK_CONFIG + ": " + e.getMessage(), e);
        }
    }

    /** Connect answers 409 while its workers rebalance and 5xx or nothing while it starts: those are asked again. */
    private void call(String method, String path, String body, int... expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connectUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        AtomicReference<String> last = new AtomicReference<>("no answer");
        boolean done = Poll.until(() -> {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                for (int status : expected) {
                    if (response.statusCode() == status) {
                        return true;
                    }
                }
                last.set(response.statusCode() + " " + response.body());
                if (response.statusCode() != 409 && response.statusCode() < 500) {
                    throw new IllegalStateException(method + " " + connectUrl + path + " answered " + last.get());
                }
                return false;
            } catch (IOException e) {
                last.set(e.toString());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }, REST_DEADLINE, Duration.ofMillis(500));
        if (!done) {
            throw new IllegalStateException(method + " " + connectUrl + path + " failed for " + REST_DEADLINE.toSeconds() + " s: " + last.get());
        }
    }
}
