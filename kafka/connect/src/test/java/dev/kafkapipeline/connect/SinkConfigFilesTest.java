package dev.kafkapipeline.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kafkapipeline.cassandra.client.mapping.ColumnMapping;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.cassandra.client.schema.SchemaTables;
import dev.kafkapipeline.cassandra.client.write.RecordLimits;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.rows.Column;
import dev.kafkapipeline.common.rows.FakerColumn;
import dev.kafkapipeline.common.rows.LapColumn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/**
 * The committed sink configs map every column of their table: faker and fastf1
 * exactly their row definitions ({@link FakerColumn}, {@link LapColumn}), weather
 * the columns of schema.cql.
 */
class SinkConfigFilesTest {
    private static final Path SINKS = Path.of("sinks");

    record SinkFile(String name, Map<String, String> config) {}

    static SinkFile read(String file) throws IOException {
        Map<String, Object> json = Json.MAPPER.readValue(Files.readAllBytes(SINKS.resolve(file)), new TypeReference<>() {});
        Map<String, String> config = Json.MAPPER.convertValue(json.get("config"), new TypeReference<>() {});
        return new SinkFile((String) json.get("name"), config);
    }

    /**
     * What the worker's env config provider does before the connector sees the
     * config: a variable the worker has is replaced, any other reference stays as written.
     */
    static Map<String, String> resolved(SinkFile sink, Map<String, String> workerEnv) {
        Map<String, String> withEnvResolved = new HashMap<>();
        sink.config().forEach((key, value) -> {
            Matcher variable = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}").matcher(value);
            withEnvResolved.put(key, variable.matches() && workerEnv.containsKey(variable.group(1)) ? workerEnv.get(variable.group(1)) : value);
        });
        return withEnvResolved;
    }

    private static TableMapping only(SinkFile sink) {
        Map<String, String> env = Map.of("CASSANDRA_HOST", "localhost", "CASSANDRA_PORT", "9042", "CASSANDRA_KEYSPACE", "kafkapipeline");
        List<TableMapping> mappings = new CassandraSinkConfig(resolved(sink, env)).mappings();
        assertEquals(1, mappings.size(), sink.name());
        return mappings.get(0);
    }

    @Test
    void weatherMapsReportTimeToForecastdateAndTheRestByName() throws IOException {
        SinkFile sink = read("weather-sink.json");
        TableMapping mapping = only(sink);
        assertEquals("weather-sink", sink.name());
        assertEquals("weather", mapping.topic());
        assertEquals("weatherreport", mapping.table());
        assertEquals(SchemaTables.created("weatherreport").stream().map(c -> c.split(" ")[0]).toList(),
                mapping.columns().stream().map(ColumnMapping::column).toList());
        for (ColumnMapping column : mapping.columns()) {
            String expected = column.column().equals("forecastdate") ? "value.report_time" : "value." + column.column();
            assertEquals(expected, column.path().toString());
        }
        assertEquals("weather.dlq", sink.config().get("errors.deadletterqueue.topic.name"));
    }

    @Test
    void fakerAndFastf1MapEveryColumnOfTheirDefinitionFromTheFieldOfItsName() throws IOException {
        Map<String, Column[]> definitions = Map.of("faker", FakerColumn.values(), "fastf1", LapColumn.values());
        for (String[] expected : new String[][] {{"faker-sink.json", "faker", "fakerdata"}, {"fastf1-sink.json", "fastf1", "lapsummary"}}) {
            SinkFile sink = read(expected[0]);
            TableMapping mapping = only(sink);
            assertEquals(expected[1], mapping.topic());
            assertEquals(expected[2], mapping.table());
            assertEquals(Arrays.stream(definitions.get(expected[1])).map(c -> c.column() + "=value." + c.column()).toList(),
                    mapping.columns().stream().map(ColumnMapping::toString).toList(), expected[0]);
            assertEquals(expected[1] + ".dlq", sink.config().get("errors.deadletterqueue.topic.name"));
            assertEquals("all", sink.config().get("errors.tolerance"));
            assertEquals("true", sink.config().get("errors.deadletterqueue.context.headers.enable"));
        }
    }

    /** The original pipeline's table variables, as the consumers read them: a worker without them writes to the tables of the keys. */
    @Test
    void theWorkersKeyspaceAndTableVariablesChooseTheTable() throws IOException {
        Map<String, String> variables = Map.of("weather-sink.json", "WEATHER_TABLE", "faker-sink.json", "FAKER_TABLE",
                "fastf1-sink.json", "FASTF1_TABLE");
        for (Map.Entry<String, String> sink : variables.entrySet()) {
            SinkFile file = read(sink.getKey());
            TableMapping renamed = new CassandraSinkConfig(resolved(file, Map.of("CASSANDRA_KEYSPACE", "demo", sink.getValue(), "renamed")))
                    .mappings().get(0);
            assertEquals("demo.renamed", renamed.qualifiedTable(), sink.getKey());
            assertEquals("kafkapipeline", new CassandraSinkConfig(resolved(file, Map.of())).mappings().get(0).keyspace(), sink.getKey());
            assertEquals(only(file).table(), new CassandraSinkConfig(resolved(file, Map.of())).mappings().get(0).table(), sink.getKey());
        }
    }

    @Test
    void everySinkHandsTheRecordBytesToTheTaskAsTheConsumersGetThem() throws IOException {
        for (String file : List.of("weather-sink.json", "faker-sink.json", "fastf1-sink.json")) {
            assertEquals("org.apache.kafka.connect.converters.ByteArrayConverter", read(file).config().get("value.converter"), file);
        }
    }

    @Test
    void theRecordLimitsAreTheConsumersOwnUnlessSet() {
        Map<String, String> mapping = Map.of("topics", "faker", "topic.faker.ks.fakerdata.mapping", "name=value.name");
        assertEquals(RecordLimits.DEFAULTS, new CassandraSinkConfig(mapping).writerOptions().limits());
        Map<String, String> set = new HashMap<>(mapping);
        set.putAll(Map.of("maxRecordBytes", "4096", "maxTextBytes", "512", "maxNumberDigits", "20", "maxNumberExponent", "30"));
        assertEquals(new RecordLimits(4096, 512, 20, 30), new CassandraSinkConfig(set).writerOptions().limits());
    }

    @Test
    void aSubscribedTopicWithoutMappingIsAConfigError() {
        ConfigException missing = assertThrows(ConfigException.class, () -> new CassandraSinkConfig(Map.of(
                "topics", "weather,faker",
                "topic.weather.ks.weatherreport.mapping", "location=value.location")).mappings());
        assertTrue(missing.getMessage().contains("'faker'"), missing.getMessage());
    }

    @Test
    void connectorRefusesABadMappingAtStart() {
        ConfigException bad = assertThrows(ConfigException.class, () -> new CassandraSinkConnector().start(Map.of(
                "topics", "faker",
                "topic.faker.ks.fakerdata.mapping", "name=value.name, city")));
        assertTrue(bad.getMessage().contains("'city'"), bad.getMessage());
    }
}
