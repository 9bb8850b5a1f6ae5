package dev.kafkapipeline.local.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.local.status.StackStatus.ConnectorStatus;
import dev.kafkapipeline.local.status.StackStatus.TaskState;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The connectors and their tasks' states and workers, from Kafka Connect's REST API ({@code GET /connectors?expand=status}).
 * It asks through {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: the latter sets up TLS on creation
 * (some 600 classes), which the live page, asking every second over plain HTTP, would carry for nothing.
 */
public final class ConnectorProbe {
    private ConnectorProbe() {}

    public static Part<List<ConnectorStatus>> read(String restUrl, Duration timeout) throws IOException {
        // Reading each body to its end and closing it, rather than disconnecting, keeps the connection for the next second's call.
        HttpURLConnection connection = open(restUrl + "/connectors?expand=status", timeout);
        int code = connection.getResponseCode();
        if (code != 200) {
            return new Part.Down<>("Kafka Connect at " + restUrl + " answered " + code + ": "
                    + body(connection.getErrorStream()).lines().findFirst().orElse(""));
        }
        List<ConnectorStatus> connectors = new ArrayList<>();
        Json.MAPPER.readTree(body(connection.getInputStream())).fields().forEachRemaining(entry -> {
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
            HttpURLConnection connection = open(restUrl + "/", timeout);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static HttpURLConnection open(String url, Duration timeout) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout((int) timeout.toMillis());
        connection.setReadTimeout((int) timeout.toMillis());
        return connection;
    }

    private static String body(InputStream stream) throws IOException {
        if (stream == null) {
            return "";
        }
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
