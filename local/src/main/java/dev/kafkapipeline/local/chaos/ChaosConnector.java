package dev.kafkapipeline.local.chaos;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.local.stack.ConnectRest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fault run's own Connect sink: the pipeline's faker sink config
 * (kafka/connect/sinks/faker-sink.json) writing to the Connect path's
 * keyspace, under a name (and so a consumer group) of its own.
 */
final class ChaosConnector {
    private static final String SINK_CONFIG = "kafka/connect/sinks/faker-sink.json";
    /** Registering and deleting wait this long for a worker that is restarting or rebalancing. */
    private static final Duration REST_PATIENCE = Duration.ofSeconds(120);

    private final ConnectRest connect;
    private final Path repository;
    private final String name;

    ChaosConnector(String connectUrl, Path repository, String name) {
        this.connect = new ConnectRest(connectUrl, REST_PATIENCE);
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
        connect.putConfig(name, config);
    }

    /** The worker that runs the connector's task, as Connect names it (its REST host:port); empty while the task has none. */
    Optional<String> taskWorker() {
        return connect.taskWorker(name);
    }

    void delete() {
        connect.delete(name);
    }

    /** Other connectors that read the topic: they write the run's records into their own tables as well. */
    List<String> othersReading(String topic) {
        return connect.connectorsReading(topic).stream().filter(connector -> !connector.equals(name)).toList();
    }

    private Map<String, String> sinkConfig() {
        try {
            Map<String, Object> sink = Json.MAPPER.readValue(repository.resolve(SINK_CONFIG).toFile(), new TypeReference<>() {});
            return Json.MAPPER.convertValue(sink.get("config"), new TypeReference<Map<String, String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SINK_CONFIG + ": " + e.getMessage(), e);
        }
    }
}
