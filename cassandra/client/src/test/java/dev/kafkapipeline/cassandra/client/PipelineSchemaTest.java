package dev.kafkapipeline.cassandra.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineSchemaTest {
    @Test
    void createsTheKeyspaceThenTheThreeTablesThenAddsNewerColumnsAllIdempotently() {
        List<String> statements = PipelineSchema.forSettings(CassandraSettings.from(new EnvConfig(Map.of()))).statements();
        assertEquals(5, statements.size(), statements::toString);
        assertTrue(statements.get(0).startsWith("CREATE KEYSPACE IF NOT EXISTS kafkapipeline"));
        assertEquals(List.of("weatherreport", "fakerdata", "lapsummary"), statements.subList(1, 4).stream()
                .map(s -> s.replaceFirst("^CREATE TABLE IF NOT EXISTS kafkapipeline\\.(\\w+) .*", "$1")).toList());
        assertTrue(statements.get(4).startsWith("ALTER TABLE kafkapipeline.lapsummary ADD IF NOT EXISTS ("), statements.get(4));
        assertTrue(statements.stream().anyMatch(s -> s.contains("PRIMARY KEY ((session_key), driver, lap_number)")));
    }

    @Test
    void takesKeyspaceTablesAndReplicationFromTheSettings() {
        CassandraSettings settings = CassandraSettings.from(new EnvConfig(Map.of(
                "CASSANDRA_KEYSPACE", "demo",
                "FASTF1_TABLE", "laps",
                "CASSANDRA_REPLICATION", "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}")));
        List<String> statements = PipelineSchema.forSettings(settings).statements();
        assertTrue(statements.get(0).startsWith("CREATE KEYSPACE IF NOT EXISTS demo WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 3}"),
                statements.get(0));
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("CREATE TABLE IF NOT EXISTS demo.laps (")));
        assertTrue(statements.stream().anyMatch(s -> s.startsWith("ALTER TABLE demo.laps ADD IF NOT EXISTS (")));
        assertTrue(statements.stream().noneMatch(s -> s.contains("kafkapipeline")));
    }

    @Test
    void scriptSplittingIgnoresCommentsAndSemicolonsInStrings() {
        List<String> statements = CqlScript.statements("""
                -- a comment; with a semicolon
                INSERT INTO t (a) VALUES ('x;y'); // trailing
                SELECT * FROM t
                """);
        assertEquals(List.of("INSERT INTO t (a) VALUES ('x;y')", "SELECT * FROM t"), statements);
    }
}
