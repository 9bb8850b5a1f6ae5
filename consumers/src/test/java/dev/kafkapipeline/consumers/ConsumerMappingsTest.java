package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.mapping.ColumnMapping;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerMappingsTest {
    private static final CassandraSettings DEFAULTS = CassandraSettings.from(new EnvConfig(Map.of()));

    @Test
    void topicNameChoosesOneTopicOrAll() {
        assertEquals(List.of("weather"), TopicSelection.parse("weather"));
        assertEquals(List.of("weather", "faker", "fastf1"), TopicSelection.parse("all"));
        ConfigException bad = assertThrows(ConfigException.class, () -> TopicSelection.parse("f1"));
        assertTrue(bad.getMessage().contains("'f1'"), bad.getMessage());
    }

    @Test
    void mappingsAreTheConnectorsOwnSinkFiles() throws IOException {
        String weatherFile = Files.readString(Path.of("../kafka/connect/sinks/weather-sink.json"));
        TableMapping weather = ConsumerMappings.forTopics(List.of("weather"), DEFAULTS).get(0);
        for (ColumnMapping column : weather.columns()) {
            assertTrue(weatherFile.contains(column.toString()), column + " in weather-sink.json");
        }
        assertEquals("value.report_time", weather.columns().stream()
                .filter(c -> c.column().equals("forecastdate")).findFirst().orElseThrow().path().toString());
    }

    @Test
    void allGivesOneTablePerTopic() {
        List<TableMapping> all = ConsumerMappings.forTopics(TopicSelection.parse("all"), DEFAULTS);
        assertEquals(List.of("weather:kafkapipeline.weatherreport", "faker:kafkapipeline.fakerdata", "fastf1:kafkapipeline.lapsummary"),
                all.stream().map(m -> m.topic() + ":" + m.qualifiedTable()).toList());
    }

    @Test
    void keyspaceAndTableNamesFollowTheEnvironment() {
        CassandraSettings renamed = CassandraSettings.from(new EnvConfig(Map.of(
                "CASSANDRA_KEYSPACE", "demo", "FAKER_TABLE", "people")));
        TableMapping faker = ConsumerMappings.forTopics(List.of("faker"), renamed).get(0);
        assertEquals("demo.people", faker.qualifiedTable());
    }
}
