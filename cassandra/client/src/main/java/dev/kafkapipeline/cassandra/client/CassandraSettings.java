package dev.kafkapipeline.cassandra.client;

import dev.kafkapipeline.common.config.EnvConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where Cassandra is and what the pipeline calls its keyspace and tables, from
 * the original pipeline's variables (CASSANDRA_HOST, CASSANDRA_KEYSPACE,
 * WEATHER_TABLE, FAKER_TABLE, FASTF1_TABLE) plus the few this port adds.
 *
 * @param replication the keyspace's replication map in CQL, used only when the keyspace is created
 */
public record CassandraSettings(
        String host,
        int port,
        String localDatacenter,
        String keyspace,
        String weatherTable,
        String fakerTable,
        String fastf1Table,
        String replication,
        Duration requestTimeout,
        Duration schemaTimeout) {

    public static final String DEFAULT_REPLICATION = "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    public static CassandraSettings from(EnvConfig env) {
        return new CassandraSettings(
                env.string("CASSANDRA_HOST", "localhost"),
                env.port("CASSANDRA_PORT", 9042),
                env.string("CASSANDRA_DATACENTER", "datacenter1"),
                env.string("CASSANDRA_KEYSPACE", "kafkapipeline"),
                env.string("WEATHER_TABLE", "weatherreport"),
                env.string("FAKER_TABLE", "fakerdata"),
                env.string("FASTF1_TABLE", "lapsummary"),
                env.string("CASSANDRA_REPLICATION", DEFAULT_REPLICATION),
                env.seconds("CASSANDRA_REQUEST_TIMEOUT", Duration.ofSeconds(10)),
                // DDL on a fresh node can take far longer than the driver's default 2 s.
                env.seconds("CASSANDRA_SCHEMA_TIMEOUT", Duration.ofSeconds(60)));
    }

    /**
     * The contact points: CASSANDRA_HOST may name several nodes, comma-separated,
     * so that a client starts while any one of them is down.
     */
    public List<String> hosts() {
        return Arrays.stream(host.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    public String address() {
        return hosts().stream().map(h -> h + ":" + port).collect(Collectors.joining(","));
    }
}
