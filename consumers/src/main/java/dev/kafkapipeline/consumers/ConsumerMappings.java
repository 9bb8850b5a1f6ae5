package dev.kafkapipeline.consumers;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kafkapipeline.cassandra.client.mapping.SinkMappings;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The consumers' table mappings, read from the connector's own sink configs
 * (kafka/connect/sinks/*.json, packaged with this module), so both paths write
 * the same columns from the same fields into the same tables: the files'
 * {@code keyspace} and {@code table} settings name the variables
 * (CASSANDRA_KEYSPACE; WEATHER_TABLE, FAKER_TABLE, FASTF1_TABLE) that the
 * Connect worker resolves, and the consumers resolve them from their own
 * environment in the same way.
 */
public final class ConsumerMappings {
    static final List<String> SINK_FILES = List.of("weather-sink.json", "faker-sink.json", "fastf1-sink.json");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private ConsumerMappings() {}

    public static List<TableMapping> forTopics(List<String> topics, EnvConfig env) {
        List<TableMapping> mappings = new ArrayList<>();
        for (String file : SINK_FILES) {
            Map<String, String> config = sinkConfig(file);
            for (TableMapping mapping : SinkMappings.parse(config, resolved(config.get("keyspace"), env), resolved(config.get("table"), env))) {
                if (topics.contains(mapping.topic())) {
                    mappings.add(mapping);
                }
            }
        }
        return mappings;
    }

    /**
     * A sink setting as the Connect worker's env provider hands it to the
     * connector: {@code ${env:NAME}} is the variable's value; null when unset or blank.
     */
    static String resolved(String value, EnvConfig env) {
        if (value == null) {
            return null;
        }
        Matcher reference = ENV_REFERENCE.matcher(value.strip());
        return reference.matches() ? env.raw(reference.group(1)) : value.isBlank() ? null : value.strip();
    }

    public static Map<String, String> sinkConfig(String file) {
        String path = "/dev/kafkapipeline/consumers/sinks/" + file;
        try (InputStream in = ConsumerMappings.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("sink config " + path + " is missing from the classpath");
            }
            Map<String, Object> sink = Json.MAPPER.readValue(in, OBJECT);
            return Json.MAPPER.convertValue(sink.get("config"), STRINGS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sink config " + path, e);
        }
    }
}
