package dev.kafkapipeline.local.chaos;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.PipelineSchema;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;

/** Each path's table (the pipeline's faker table in the path's keyspace): made empty before a run, read key by key after it. */
final class ChaosTables {
    static final String TABLE = "fakerdata";

    /** The keys of the run each path's table holds, phase by phase, and how many rows came from other records of the topic. */
    record Census(Map<SinkPath, BitSet[]> found, Map<SinkPath, Long> otherRows) {}

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

    /** A paged scan of both tables; the run's keys are sorted into phases by their names. */
    Census census(KeyLedger ledger, int phases) {
        Map<SinkPath, BitSet[]> found = new EnumMap<>(SinkPath.class);
        Map<SinkPath, Long> other = new EnumMap<>(SinkPath.class);
        try (CqlSession session = CassandraSessions.open(stack)) {
            for (SinkPath path : SinkPath.values()) {
                BitSet[] keys = new BitSet[phases];
                for (int i = 0; i < phases; i++) {
                    keys[i] = new BitSet();
                }
                long others = 0;
                for (Row row : session.execute(SimpleStatement.newInstance("SELECT name FROM " + path.keyspace() + "." + TABLE)
                        .setPageSize(5000).setTimeout(stack.schemaTimeout()))) {
                    var entry = ledger.entry(row.getString(0));
                    if (entry.isPresent()) {
                        keys[entry.get().phase()].set(entry.get().sequence());
                    } else {
                        others++;
                    }
                }
                found.put(path, keys);
                other.put(path, others);
            }
        }
        return new Census(found, other);
    }

    private CassandraSettings settings(SinkPath path) {
        return stack.withKeyspace(path.keyspace()).withFakerTable(TABLE);
    }

    private void execute(CqlSession session, String cql) {
        session.execute(SimpleStatement.newInstance(cql).setTimeout(stack.schemaTimeout()));
    }
}
