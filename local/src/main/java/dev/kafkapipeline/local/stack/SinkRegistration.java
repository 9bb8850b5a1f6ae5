package dev.kafkapipeline.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Registers the sink connectors of kafka/connect/sinks/*.json (each
 * {"name": ..., "config": {...}}) with PUT /connectors/NAME/config, which
 * creates or updates, so registering again changes nothing.
 */
final class SinkRegistration {
    static final String SINKS_FOLDER = "kafka/connect/sinks";

    private SinkRegistration() {}

    /** Connect refuses a connector whose class no plugin provides, so registering before the build is pointless. */
    static boolean pluginBuilt(Path repository) {
        Path plugins = repository.resolve(ConnectWorker.PLUGIN_FOLDER);
        if (!Files.isDirectory(plugins)) {
            return false;
        }
        try (Stream<Path> listing = Files.list(plugins)) {
            return listing.anyMatch(p -> p.getFileName().toString().endsWith(".jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the names registered; an empty list when the folder holds none. */
    static List<String> registerAll(Path repository, String restUrl, Duration timeout) {
        Path folder = repository.resolve(SINKS_FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConnectRest connect = new ConnectRest(restUrl, timeout);
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            JsonNode sink = read(file);
            String name = sink.path("name").asText("");
            JsonNode config = sink.get("config");
            if (name.isEmpty() || config == null || !config.isObject()) {
                throw new StackStartException(file + " must be {\"name\": ..., \"config\": {...}}");
            }
            try {
                connect.putConfig(name, Json.toText(config));
            } catch (IllegalStateException e) {
                throw new StackStartException("Kafka Connect refused the sink " + name + ": " + e.getMessage());
            }
            names.add(name);
        }
        return names;
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new StackStartException("cannot read the sink config " + file + ": " + e.getMessage());
        }
    }
}
