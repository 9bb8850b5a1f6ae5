package dev.kafkapipeline.local.chaos;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import java.util.EnumMap;
import java.util.Map;

/**
 * The writes Cassandra has taken into each path's table, as its coordinator
 * counts them (system_views.coordinator_write_latency): one per partition
 * written, retries and re-deliveries included, commit-log replays not. The
 * counts start again from zero when Cassandra restarts.
 */
final class WriteCounts implements AutoCloseable {
    private final CassandraSettings settings;
    private final String table;
    private CqlSession session;

    WriteCounts(CassandraSettings settings, String table) {
        this.settings = settings;
        this.table = table;
    }

    /** Each path's count; throws while Cassandra does not answer. */
    synchronized Map<SinkPath, Long> read() {
        if (session == null) {
            session = CassandraSessions.open(settings);
        }
        Map<SinkPath, Long> counts = new EnumMap<>(SinkPath.class);
        for (SinkPath path : SinkPath.values()) {
            counts.put(path, 0L);
        }
        // One query for both paths: the counts are read just before Cassandra is killed, so each moment counts.
        for (Row row : session.execute("SELECT keyspace_name, table_name, count FROM system_views.coordinator_write_latency")) {
            for (SinkPath path : SinkPath.values()) {
                if (path.keyspace().equals(row.getString("keyspace_name")) && table.equals(row.getString("table_name"))) {
                    counts.put(path, row.getLong("count"));
                }
            }
        }
        return counts;
    }

    /**
     * Drops the session, so that the next read connects afresh: after a
     * restart of Cassandra that is quicker than the driver's reconnection.
     */
    synchronized void reconnect() {
        close();
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
