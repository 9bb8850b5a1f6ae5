package dev.kafkapipeline.consumers;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.mapping.SinkMappings;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consumers' table mappings, read from the connector's own sink configs
 * (kafka/connect/sinks/*.json, packaged with this module), so both paths write
 * the same columns from the same fields. Keyspace and table names follow
 * CASSANDRA_KEYSPACE and WEATHER_TABLE / FAKER_TABLE / FASTF1_TABLE.
 */
public final class ConsumerMappings {
    static final List<String> SINK_FILES = List.of("weather-sink.json", "faker-sink.json", "fastf1-sink.json");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

    private ConsumerMappings() {}

    public static List<TableMapping> forTopics(List<String> topics, CassandraSettings settings) {
        List<TableMapping> mappings = new ArrayList<>();
        for (String file : SINK_FILES) {
            for (TableMapping mapping : SinkMappings.parse(sinkConfig(file), settings.keyspace())) {
                if (topics.contains(mapping.topic())) {
                    mappings.add(new TableMapping(mapping.topic(), mapping.keyspace(), table(mapping, settings),
                            mapping.columns(), mapping.consistency()));
                }
            }
        }
        return mappings;
    }

    private static String table(TableMapping mapping, CassandraSettings settings) {
        return switch (mapping.table()) {
            case "weatherreport" -> settings.weatherTable();
            case "fakerdata" -> settings.fakerTable();
            case "lapsummary" -> settings.fastf1Table();
            default -> mapping.table();
        };
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
