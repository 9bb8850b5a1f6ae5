package dev.kafkapipeline.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The Kafka Connect REST calls the benchmark, the status and the tests make: one client for all. */
public final class ConnectRest {
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    public ConnectRest(String url) {
        this.url = url;
    }

    public void putConfig(String connector, Map<String, String> config) {
        call("PUT", "/connectors/" + connector + "/config", Json.toText(config), 200, 201);
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
    public java.util.List<String> connectorNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        readTree(call("GET", "/connectors", null, 200)).forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The state of the first task, or "NONE" while there is none. */
    public String taskState(String connector) {
        JsonNode tasks = readTree(call("GET", "/connectors/" + connector + "/status", null, 200, 404)).path("tasks");
        return tasks.isEmpty() ? "NONE" : tasks.get(0).path("state").asText();
    }

    private static JsonNode readTree(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect answered something that is not JSON: " + body, e);
        }
    }

    private String call(String method, String path, String body, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response.body();
                }
            }
            throw new IllegalStateException(method + " " + url + path + " answered " + response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect at " + url + " is not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
