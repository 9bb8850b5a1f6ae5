package dev.kafkapipeline.local.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.local.status.StackStatus.ConnectorStatus;
import dev.kafkapipeline.local.status.StackStatus.TaskState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The connectors and their tasks' states and workers, from Kafka Connect's REST API ({@code GET /connectors?expand=status}). */
public final class ConnectorProbe {
    private ConnectorProbe() {}

    static Part<List<ConnectorStatus>> read(String restUrl, Duration timeout) throws IOException, InterruptedException {
        return read(HttpClient.newBuilder().connectTimeout(timeout).build(), restUrl, timeout);
    }

    /** The same through a client of the caller's, for a caller that asks every second (the live page). */
    public static Part<List<ConnectorStatus>> read(HttpClient http, String restUrl, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(restUrl + "/connectors?expand=status")).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return new Part.Down<>("Kafka Connect at " + restUrl + " answered " + response.statusCode() + ": "
                    + response.body().lines().findFirst().orElse(""));
        }
        List<ConnectorStatus> connectors = new ArrayList<>();
        Json.MAPPER.readTree(response.body()).fields().forEachRemaining(entry -> {
            JsonNode status = entry.getValue().path("status");
            List<TaskState> tasks = new ArrayList<>();
            status.path("tasks").forEach(task -> tasks.add(new TaskState(task.path("id").asInt(), task.path("state").asText(), task.path("worker_id").asText("?"))));
            connectors.add(new ConnectorStatus(entry.getKey(), status.path("connector").path("state").asText("?"), List.copyOf(tasks)));
        });
        return new Part.Answered<>(List.copyOf(connectors));
    }

    /** Whether a worker's REST API answers its root (its version) within the timeout. */
    static boolean answers(String restUrl, Duration timeout) {
        try {
            return HttpClient.newBuilder().connectTimeout(timeout).build().send(
                    HttpRequest.newBuilder(URI.create(restUrl + "/")).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
