package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    private static final EnvConfig DEFAULTS = new EnvConfig(Map.of());

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
    void keyspaceAndTableNamesFollowTheEnvironmentAsTheConnectWorkerResolvesThem() {
        EnvConfig renamed = new EnvConfig(Map.of("CASSANDRA_KEYSPACE", "demo", "FAKER_TABLE", "people", "FASTF1_TABLE", " "));
        assertEquals(List.of("weather:demo.weatherreport", "faker:demo.people", "fastf1:demo.lapsummary"),
                ConsumerMappings.forTopics(TopicSelection.parse("all"), renamed).stream().map(m -> m.topic() + ":" + m.qualifiedTable()).toList());
    }

    @Test
    void aSinkSettingIsTheVariableItNamesOrItsOwnText() {
        EnvConfig env = new EnvConfig(Map.of("FASTF1_TABLE", "laps", "BLANK", " "));
        assertEquals("laps", ConsumerMappings.resolved("${env:FASTF1_TABLE}", env));
        assertNull(ConsumerMappings.resolved("${env:WEATHER_TABLE}", env), "unset");
        assertNull(ConsumerMappings.resolved("${env:BLANK}", env), "blank");
        assertEquals("reports", ConsumerMappings.resolved("reports", env));
        assertNull(ConsumerMappings.resolved(null, env));
    }
}
