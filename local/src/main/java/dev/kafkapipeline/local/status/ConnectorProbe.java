package dev.kafkapipeline.local.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.local.stack.LoopbackHttp;
import dev.kafkapipeline.local.status.StackStatus.ConnectorStatus;
import dev.kafkapipeline.local.status.StackStatus.TaskState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The connectors and their tasks' states and workers, from Kafka Connect's REST API ({@code GET /connectors?expand=status}). */
public final class ConnectorProbe {
    private ConnectorProbe() {}

    public static Part<List<ConnectorStatus>> read(String restUrl, Duration timeout) throws IOException {
        LoopbackHttp.Answer answer = LoopbackHttp.get(restUrl + "/connectors?expand=status", timeout);
        if (answer.status() != 200) {
            return new Part.Down<>("Kafka Connect at " + restUrl + " answered " + answer.status() + ": "
                    + answer.body().lines().findFirst().orElse(""));
        }
        List<ConnectorStatus> connectors = new ArrayList<>();
        Json.MAPPER.readTree(answer.body()).fields().forEachRemaining(entry -> {
            JsonNode status = entry.getValue().path("status");
            List<TaskState> tasks = new ArrayList<>();
            status.path("tasks").forEach(task -> tasks.add(new TaskState(task.path("id").asInt(), task.path("state").asText(), task.path("worker_id").asText("?"))));
            connectors.add(new ConnectorStatus(entry.getKey(), status.path("connector").path("state").asText("?"), List.copyOf(tasks)));
        });
        return new Part.Answered<>(List.copyOf(connectors));
    }

    /** Whether a worker's REST API answers its root (its version) within the timeout. */
    static boolean answers(String restUrl, Duration timeout) {
        return LoopbackHttp.answersOk(restUrl + "/", timeout);
    }
}
