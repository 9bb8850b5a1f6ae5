package dev.kafkapipeline.local.chaos;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.local.stack.ServerMember;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writes Cassandra has taken into each path's table, as its coordinators
 * count them (system_views.coordinator_write_latency): one per partition
 * written, retries and re-deliveries included, commit-log replays not. Each
 * node counts the writes it coordinated, in a table of its own, from zero
 * again when it restarts; a cluster's count is the sum over its nodes.
 */
final class WriteCounts implements AutoCloseable {
    /** One reading: each node's count per path, by the node's service name. */
    record Reading(Map<String, Map<SinkPath, Long>> byNode) {
        long total(SinkPath path) {
            return byNode.values().stream().mapToLong(counts -> counts.get(path)).sum();
        }

        Map<SinkPath, Long> totals() {
            Map<SinkPath, Long> totals = new EnumMap<>(SinkPath.class);
            for (SinkPath path : SinkPath.values()) {
                totals.put(path, total(path));
            }
            return totals;
        }

        /**
         * The path's writes from {@code before} to this reading. A node killed
         * in between counted from zero after its restart: its writes are what it
         * had counted at {@code atKill} beyond {@code before}, plus all it counts now.
         */
        long since(Reading before, SinkPath path, Optional<String> restarted, Optional<Reading> atKill) {
            long writes = 0;
            for (Map.Entry<String, Map<SinkPath, Long>> node : byNode.entrySet()) {
                long now = node.getValue().get(path);
                long then = before.byNode().get(node.getKey()).get(path);
                writes += restarted.filter(node.getKey()::equals).isPresent()
                        ? atKill.orElseThrow().byNode().get(node.getKey()).get(path) - then + now
                        : now - then;
            }
            return writes;
        }
    }

    private final CassandraSettings settings;
    private final List<ServerMember> nodes;
    private final String table;
    private CqlSession session;

    WriteCounts(CassandraSettings settings, List<ServerMember> nodes, String table) {
        this.settings = settings;
        this.nodes = List.copyOf(nodes);
        this.table = table;
    }

    /** Every node's count; throws while a node does not answer. */
    synchronized Reading read() {
        if (session == null) {
            session = CassandraSessions.open(settings);
        }
        Map<String, Map<SinkPath, Long>> byNode = new LinkedHashMap<>();
        for (ServerMember member : nodes) {
            Node node = session.getMetadata().getNodes().values().stream()
                    .filter(n -> n.getEndPoint().resolve() instanceof InetSocketAddress at && at.getAddress().getHostAddress().equals(member.host()))
                    .findFirst().orElseThrow(() -> new IllegalStateException(member.name() + " is not in the ring the driver sees"));
            Map<SinkPath, Long> counts = new EnumMap<>(SinkPath.class);
            for (SinkPath path : SinkPath.values()) {
                counts.put(path, 0L);
            }
            // One query for both paths: the counts are read just before a node is killed, so each moment counts.
            for (Row row : session.execute(SimpleStatement.newInstance(
                    "SELECT keyspace_name, table_name, count FROM system_views.coordinator_write_latency").setNode(node))) {
                for (SinkPath path : SinkPath.values()) {
                    if (path.keyspace().equals(row.getString("keyspace_name")) && table.equals(row.getString("table_name"))) {
                        counts.put(path, row.getLong("count"));
                    }
                }
            }
            byNode.put(member.name(), counts);
        }
        return new Reading(byNode);
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
