package dev.kafkapipeline.cassandra.client.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableMappingTest {
    @Test
    void parsesDataStaxSyntaxWithSpacesAndRenamedColumns() {
        TableMapping mapping = TableMapping.parse("weather", "kafkapipeline", "weatherreport",
                "location=value.location,  forecastdate = value.report_time ,temp=value.temp",
                DefaultConsistencyLevel.LOCAL_QUORUM);

        assertEquals(List.of("location", "forecastdate", "temp"),
                mapping.columns().stream().map(ColumnMapping::column).toList());
        assertEquals("value.report_time", mapping.columns().get(1).path().toString());
        assertEquals("kafkapipeline.weatherreport", mapping.qualifiedTable());
        assertEquals(DefaultConsistencyLevel.LOCAL_QUORUM, mapping.consistency());
    }

    @Test
    void pathsReadKeysValuesAndNestedFields() {
        Map<String, Object> value = Map.of("a", Map.of("b", 7), "c", "x");
        assertEquals(7, FieldPath.parse("value.a.b").read("k", value));
        assertEquals("k", FieldPath.parse("key").read("k", value));
        assertEquals("x", FieldPath.parse("value.c").read("k", value));
        assertNull(FieldPath.parse("value.missing").read("k", value));
        assertNull(FieldPath.parse("value.c.deeper").read("k", value));
    }

    @Test
    void badEntriesAreNamed() {
        MappingException noEquals = assertThrows(MappingException.class,
                () -> TableMapping.parse("faker", "ks", "fakerdata", "name=value.name, city", null));
        assertTrue(noEquals.getMessage().contains("'city'"), noEquals.getMessage());
        assertTrue(noEquals.getMessage().contains("ks.fakerdata"), noEquals.getMessage());

        MappingException badSource = assertThrows(MappingException.class,
                () -> TableMapping.parse("faker", "ks", "fakerdata", "name=payload.name", null));
        assertTrue(badSource.getMessage().contains("column 'name'"), badSource.getMessage());

        MappingException twice = assertThrows(MappingException.class,
                () -> TableMapping.parse("faker", "ks", "fakerdata", "name=value.a, name=value.b", null));
        assertTrue(twice.getMessage().contains("mapped twice"), twice.getMessage());

        assertThrows(MappingException.class, () -> TableMapping.parse("faker", "ks", "t", "  ", null));
        assertThrows(MappingException.class, () -> TableMapping.parse("faker", "ks", "t", "name=value.", null));
        assertThrows(MappingException.class, () -> TableMapping.consistency("MOSTLY"));
    }

    @Test
    void sinkConfigKeysGiveTopicKeyspaceTableAndConsistency() {
        Map<String, String> config = Map.of(
                "connector.class", "dev.kafkapipeline.connect.CassandraSinkConnector",
                "topics", "weather",
                "topic.weather.kafkapipeline.weatherreport.mapping", "location=value.location, forecastdate=value.report_time",
                "topic.weather.kafkapipeline.weatherreport.consistencyLevel", "quorum");

        List<TableMapping> asWritten = SinkMappings.parse(config, null, null);
        assertEquals(1, asWritten.size());
        assertEquals("weather", asWritten.get(0).topic());
        assertEquals("kafkapipeline", asWritten.get(0).keyspace());
        assertEquals("weatherreport", asWritten.get(0).table());
        assertEquals(DefaultConsistencyLevel.QUORUM, asWritten.get(0).consistency());

        assertEquals("other.weatherreport", SinkMappings.parse(config, "other", null).get(0).qualifiedTable());
        assertEquals("kafkapipeline.reports", SinkMappings.parse(config, null, "reports").get(0).qualifiedTable());
    }

    @Test
    void aTableReplacesTheTableOfTheOnlyMappingAndNeverChoosesAmongSeveral() {
        Map<String, String> two = Map.of(
                "topic.weather.ks.weatherreport.mapping", "location=value.location",
                "topic.faker.ks.fakerdata.mapping", "name=value.name");
        assertEquals(List.of("ks.fakerdata", "ks.weatherreport"),
                SinkMappings.parse(two, null, null).stream().map(TableMapping::qualifiedTable).toList());
        MappingException e = assertThrows(MappingException.class, () -> SinkMappings.parse(two, null, "people"));
        assertTrue(e.getMessage().startsWith("table 'people' replaces the table of a configuration's only mapping, but it has 2"),
                e.getMessage());
    }

    @Test
    void consistencyDefaultsToLocalOne() {
        List<TableMapping> mappings = SinkMappings.parse(Map.of("topic.faker.ks.fakerdata.mapping", "name=value.name"), null, null);
        assertEquals(DefaultConsistencyLevel.LOCAL_ONE, mappings.get(0).consistency());
    }
}
