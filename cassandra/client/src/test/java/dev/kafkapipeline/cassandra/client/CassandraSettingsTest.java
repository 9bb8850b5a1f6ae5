package dev.kafkapipeline.cassandra.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.config.EnvConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CassandraSettingsTest {

    @Test
    void everyNodeOfACommaListIsAContactPoint() {
        CassandraSettings settings = CassandraSettings.from(new EnvConfig(Map.of(
                "CASSANDRA_HOST", "cassandra-1, cassandra-2,,cassandra-3 ", "CASSANDRA_PORT", "9043")));

        assertEquals(List.of("cassandra-1", "cassandra-2", "cassandra-3"), settings.hosts());
        assertEquals("cassandra-1:9043,cassandra-2:9043,cassandra-3:9043", settings.address());
    }

    @Test
    void oneHostByDefault() {
        CassandraSettings settings = CassandraSettings.from(new EnvConfig(Map.of()));

        assertEquals(List.of("localhost"), settings.hosts());
        assertEquals("localhost:9042", settings.address());
    }
}
