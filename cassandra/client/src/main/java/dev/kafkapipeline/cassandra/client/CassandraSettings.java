package dev.kafkapipeline.cassandra.client;

import dev.kafkapipeline.common.config.ConfigException;
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
 * @param host        CASSANDRA_HOST: one contact point or a comma list, each {@code host} or {@code host:port}
 * @param port        the port of the contact points that name none
 * @param replication the keyspace's replication map in CQL, used only when the keyspace is created
 * @param security    credentials and TLS; {@link CassandraSecurity#NONE} for the pipeline's own nodes
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
        Duration schemaTimeout,
        CassandraSecurity security) {

    public static final String DEFAULT_REPLICATION = "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    /** One node the driver first connects to; it discovers the rest of the ring from there. */
    public record ContactPoint(String host, int port) {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public static CassandraSettings from(EnvConfig env) {
        CassandraSettings settings = new CassandraSettings(
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
                env.seconds("CASSANDRA_SCHEMA_TIMEOUT", Duration.ofSeconds(60)),
                CassandraSecurity.from(env));
        settings.contactPoints(); // a malformed CASSANDRA_HOST fails at start, not at the first connection
        return settings;
    }

    /**
     * The contact points of {@link #host}: {@code host}, {@code host:port},
     * {@code [ipv6]:port} or a bare IPv6 address, separated by commas.
     */
    public List<ContactPoint> contactPoints() {
        List<ContactPoint> points = Arrays.stream(host.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(this::contactPoint)
                .toList();
        if (points.isEmpty()) {
            throw new ConfigException("CASSANDRA_HOST lists no host: '" + host + "'");
        }
        return points;
    }

    private ContactPoint contactPoint(String entry) {
        int colon = entry.lastIndexOf(':');
        boolean bracketed = entry.startsWith("[");
        if (bracketed && entry.endsWith("]")) {
            return new ContactPoint(entry.substring(1, entry.length() - 1), port);
        }
        // Several colons without brackets: a bare IPv6 address, whose last group is no port.
        if (colon < 0 || (!bracketed && entry.indexOf(':') != colon)) {
            return new ContactPoint(entry, port);
        }
        String hostPart = bracketed ? entry.substring(1, colon - 1) : entry.substring(0, colon);
        String portPart = entry.substring(colon + 1);
        int parsed;
        try {
            parsed = Integer.parseInt(portPart);
        } catch (NumberFormatException e) {
            parsed = -1;
        }
        if (hostPart.isEmpty() || parsed < 1 || parsed > 65535 || (bracketed && entry.charAt(colon - 1) != ']')) {
            throw new ConfigException("CASSANDRA_HOST entry '" + entry + "' must be host or host:port (port 1-65535)");
        }
        return new ContactPoint(hostPart, parsed);
    }

    /** The same settings with another request timeout (a short command waits less than a service). */
    public CassandraSettings withRequestTimeout(Duration timeout) {
        return new CassandraSettings(host, port, localDatacenter, keyspace, weatherTable, fakerTable, fastf1Table, replication,
                timeout, schemaTimeout, security);
    }

    /** The same settings with another keyspace (a test's, or one path's in the fault run). */
    public CassandraSettings withKeyspace(String otherKeyspace) {
        return new CassandraSettings(host, port, localDatacenter, otherKeyspace, weatherTable, fakerTable, fastf1Table, replication,
                requestTimeout, schemaTimeout, security);
    }

    /** The same settings with another table for the faker topic. */
    public CassandraSettings withFakerTable(String table) {
        return new CassandraSettings(host, port, localDatacenter, keyspace, weatherTable, table, fastf1Table, replication,
                requestTimeout, schemaTimeout, security);
    }

    /** The contact points as host:port, for messages. */
    public String address() {
        return contactPoints().stream().map(ContactPoint::toString).collect(Collectors.joining(","));
    }
}
