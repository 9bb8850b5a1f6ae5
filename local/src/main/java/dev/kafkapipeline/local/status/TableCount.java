package dev.kafkapipeline.local.status;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.local.status.StackStatus.RowCount;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counting a table's rows quickly, whatever its size. */
public final class TableCount {
    private TableCount() {}

    /**
     * Up to {@code cap} rows are counted exactly, by paging through the
     * partition key (SELECT count(*) reads every row and times out on large
     * tables). Beyond, a table with one row per partition takes Cassandra's
     * estimate when it is higher than the cap; any other says "at least".
     * Empty when the table does not exist.
     */
    public static Optional<RowCount> of(CqlSession session, String keyspace, String table, int cap) {
        Map<Integer, String> partitionKey = new TreeMap<>();
        boolean clustered = false;
        for (Row column : session.execute(SimpleStatement.newInstance(
                "SELECT column_name, kind, position FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?", keyspace, table))) {
            if (column.getString("kind").equals("partition_key")) {
                partitionKey.put(column.getInt("position"), column.getString("column_name"));
            } else if (column.getString("kind").equals("clustering")) {
                clustered = true;
            }
        }
        if (partitionKey.isEmpty()) {
            return Optional.empty();
        }
        String keys = partitionKey.values().stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(", "));
        long rows = 0;
        for (Row ignored : session.execute(SimpleStatement.newInstance("SELECT " + keys + " FROM \"" + keyspace + "\".\"" + table
                + "\" LIMIT " + (cap + 1)).setPageSize(5000))) {
            rows++;
        }
        if (rows <= cap) {
            return Optional.of(new RowCount(rows, RowCount.Accuracy.EXACT));
        }
        long estimate = clustered ? 0 : estimatedPartitions(session, keyspace, table);
        return Optional.of(estimate > cap ? new RowCount(estimate, RowCount.Accuracy.ESTIMATE) : new RowCount(cap, RowCount.Accuracy.AT_LEAST));
    }

    /** Cassandra's estimate from the table's SSTables (rows still in memtables are not in it yet). */
    private static long estimatedPartitions(CqlSession session, String keyspace, String table) {
        long partitions = 0;
        for (Row range : session.execute(SimpleStatement.newInstance(
                "SELECT partitions_count FROM system.size_estimates WHERE keyspace_name = ? AND table_name = ?", keyspace, table))) {
            partitions += range.getLong("partitions_count");
        }
        return partitions;
    }
}
