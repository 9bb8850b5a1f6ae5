package dev.kafkapipeline.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Kafka Connect REST calls of the stack, the fault run, the benchmark and
 * the tests: one client for all. A patient client asks again, until its
 * patience runs out, when Connect answers 409 (its workers rebalance), 5xx or
 * nothing (it starts); any other answer it did not expect fails at once.
 */
public final class ConnectRest {
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String url;
    private final Duration patience;

    /** A client that asks once. */
    public ConnectRest(String url) {
        this(url, Duration.ZERO);
    }

    /** A client that asks again for as long as {@code patience} while Connect is busy or starting. */
    public ConnectRest(String url, Duration patience) {
        this.url = url;
        this.patience = patience;
    }

    public void putConfig(String connector, Map<String, String> config) {
        putConfig(connector, Json.toText(config));
    }

    /** Creates or updates the connector; registering the same config again changes nothing. */
    public void putConfig(String connector, String configJson) {
        call("PUT", "/connectors/" + URLEncoder.encode(connector, StandardCharsets.UTF_8) + "/config", configJson, 200, 201);
    }

    public void pause(String connector) {
        call("PUT", "/connectors/" + connector + "/pause", null, 202);
    }

    public void resume(String connector) {
        call("PUT", "/connectors/" + connector + "/resume", null, 202);
    }

    public void delete(String connector) {
        call("DELETE", "/connectors/" + connector, null, 204, 404);
    }

    /** The connectors Connect knows, by name. */
    public List<String> connectorNames() {
        List<String> names = new ArrayList<>();
        readTree(call("GET", "/connectors", null, 200)).forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The connectors whose {@code topics} setting lists the topic. */
    public List<String> connectorsReading(String topic) {
        List<String> readers = new ArrayList<>();
        readTree(call("GET", "/connectors?expand=info", null, 200)).fields().forEachRemaining(connector -> {
            String topics = connector.getValue().path("info").path("config").path("topics").asText("");
            if (List.of(topics.split("\\s*,\\s*")).contains(topic)) {
                readers.add(connector.getKey());
            }
        });
        return readers;
    }

    /** The state of the first task, or "NONE" while there is none. */
    public String taskState(String connector) {
        JsonNode tasks = taskStatus(connector);
        return tasks.isEmpty() ? "NONE" : tasks.get(0).path("state").asText();
    }

    /** The worker that runs the connector's first task, as Connect names it (its REST host:port); empty while no task runs. */
    public Optional<String> taskWorker(String connector) {
        JsonNode tasks = taskStatus(connector);
        return tasks.isEmpty() || !tasks.get(0).path("state").asText().equals("RUNNING")
                ? Optional.empty() : Optional.of(tasks.get(0).path("worker_id").asText());
    }

    private JsonNode taskStatus(String connector) {
        return readTree(call("GET", "/connectors/" + connector + "/status", null, 200, 404)).path("tasks");
    }

    private static JsonNode readTree(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect answered something that is not JSON: " + body, e);
        }
    }

    private String call(String method, String path, String body, int... expected) {
        AtomicReference<String> answer = new AtomicReference<>();
        AtomicReference<String> last = new AtomicReference<>("no answer");
        boolean answered = Poll.until(() -> {
            try {
                LoopbackHttp.Answer response = LoopbackHttp.exchange(method, url + path, body, REQUEST_TIMEOUT);
                for (int status : expected) {
                    if (response.status() == status) {
                        answer.set(response.body());
                        return true;
                    }
                }
                last.set("answered " + response.status() + ": " + response.body());
                if (response.status() != 409 && response.status() < 500) {
                    throw new IllegalStateException("Kafka Connect at " + url + ": " + method + " " + path + " " + last.get());
                }
                return false;
            } catch (IOException e) {
                last.set("no answer (" + e.getMessage() + ")");
                return false;
            }
        }, patience, RETRY_PAUSE);
        if (!answered) {
            throw new IllegalStateException("Kafka Connect at " + url + ": " + method + " " + path + " " + last.get()
                    + (patience.isZero() ? "" : ", still after " + patience.toSeconds() + " s"));
        }
        return answer.get();
    }
}
