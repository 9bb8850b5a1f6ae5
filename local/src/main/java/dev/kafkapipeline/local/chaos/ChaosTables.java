package dev.kafkapipeline.local.chaos;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.PipelineSchema;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;

/** Each path's table (the pipeline's faker table in the path's keyspace): made empty before a run, read key by key after it. */
final class ChaosTables {
    static final String TABLE = "fakerdata";

    /**
     * The keys of the run each path's table holds, phase by phase, and how many
     * rows came from other records of the topic.
     *
     * @param writtenAt for each path, phase and key, when the row was last written (writetime(): the writer's clock,
     *                  microseconds since the epoch); 0 for a key without a row
     */
    record Census(Map<SinkPath, BitSet[]> found, Map<SinkPath, Long> otherRows, Map<SinkPath, long[][]> writtenAt) {}

    private final CassandraSettings stack;

    ChaosTables(CassandraSettings stack) {
        this.stack = stack;
    }

    /** The path's keyspace and table as the pipeline's schema files make them, empty. */
    void prepare() {
        try (CqlSession session = CassandraSessions.open(stack)) {
            for (SinkPath path : SinkPath.values()) {
                for (String statement : PipelineSchema.forSettings(settings(path)).statements()) {
                    if (statement.startsWith("CREATE KEYSPACE") || statement.contains("." + TABLE + " ")) {
                        execute(session, statement);
                    }
                }
                execute(session, "TRUNCATE " + path.keyspace() + "." + TABLE);
            }
        }
    }

    /** Cassandra's commitlog_sync setting, which decides whether an acknowledged write survives a crash. */
    String commitlogSync() {
        try (CqlSession session = CassandraSessions.open(stack)) {
            Row row = session.execute("SELECT value FROM system_views.settings WHERE name = 'commitlog_sync'").one();
            return row == null ? "unknown" : row.getString("value");
        }
    }

    /**
     * A paged scan of both tables; the run's keys are sorted into phases by
     * their names. Each row's write time comes along: every write of the
     * paths sets all the columns, city among them.
     */
    Census census(KeyLedger ledger, int phases) {
        Map<SinkPath, BitSet[]> found = new EnumMap<>(SinkPath.class);
        Map<SinkPath, Long> other = new EnumMap<>(SinkPath.class);
        Map<SinkPath, long[][]> writtenAt = new EnumMap<>(SinkPath.class);
        try (CqlSession session = CassandraSessions.open(stack)) {
            for (SinkPath path : SinkPath.values()) {
                BitSet[] keys = new BitSet[phases];
                long[][] times = new long[phases][];
                for (int i = 0; i < phases; i++) {
                    keys[i] = new BitSet();
                    times[i] = new long[ledger.acknowledged(i).length()];
                }
                long others = 0;
                // At the paths' write consistency: a replica that was down, or dropped a write under load, may not
                // have a row yet (hints bring it later), but a quorum always has every row a quorum acknowledged.
                for (Row row : session.execute(SimpleStatement.newInstance("SELECT name, writetime(city) FROM " + path.keyspace() + "." + TABLE)
                        .setConsistencyLevel(DefaultConsistencyLevel.LOCAL_QUORUM).setPageSize(5000).setTimeout(stack.schemaTimeout()))) {
                    var entry = ledger.entry(row.getString(0));
                    if (entry.isPresent()) {
                        int phase = entry.get().phase();
                        int sequence = entry.get().sequence();
                        keys[phase].set(sequence);
                        if (sequence >= times[phase].length) {
                            times[phase] = Arrays.copyOf(times[phase], sequence + 1);
                        }
                        times[phase][sequence] = row.isNull(1) ? 0 : row.getLong(1);
                    } else {
                        others++;
                    }
                }
                found.put(path, keys);
                other.put(path, others);
                writtenAt.put(path, times);
            }
        }
        return new Census(found, other, writtenAt);
    }

    private CassandraSettings settings(SinkPath path) {
        return stack.withKeyspace(path.keyspace()).withFakerTable(TABLE);
    }

    private void execute(CqlSession session, String cql) {
        session.execute(SimpleStatement.newInstance(cql).setTimeout(stack.schemaTimeout()));
    }
}
