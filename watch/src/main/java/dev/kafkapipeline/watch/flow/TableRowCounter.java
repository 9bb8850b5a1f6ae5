package dev.kafkapipeline.watch.flow;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import dev.kafkapipeline.watch.flow.FlowSnapshot.TableRows;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Rows of a table, read the way {@code ./pipeline status} counts them (a paged
 * scan of the primary key: SELECT count(*) times out on large tables), but only
 * up to {@link #EXACT_LIMIT} rows: past that, once a second would cost too much,
 * so the rows of one 64th of the token ring are counted and multiplied. Murmur3
 * spreads partitions evenly over the ring, so the estimate is close wherever
 * there are many partitions, which is where it is used. A table is read again
 * only after {@link #PAUSE_FACTOR} times as long as its last reading took, so
 * counting never takes more than a fiftieth of a core however large the tables grow.
 */
final class TableRowCounter {
    static final long EXACT_LIMIT = 20_000;
    private static final int PAUSE_FACTOR = 50;
    private static final int SAMPLED_SHARE = 64;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private record Reading(TableRows rows, long at, long took) {}

    /** Tables found too large to count, so that the next reading goes straight to the estimate. */
    private final Map<String, Boolean> large = new ConcurrentHashMap<>();
    private final Map<String, Reading> last = new ConcurrentHashMap<>();

    TableRows count(CqlSession session, TableMetadata table) {
        String qualified = table.getKeyspace().asInternal() + "." + table.getName().asInternal();
        Reading previous = last.get(qualified);
        long now = System.nanoTime();
        if (previous != null && now - previous.at() < previous.took() * PAUSE_FACTOR) {
            return previous.rows();
        }
        TableRows rows = read(session, table, qualified);
        last.put(qualified, new Reading(rows, now, System.nanoTime() - now));
        return rows;
    }

    private TableRows read(CqlSession session, TableMetadata table, String qualified) {
        if (!large.getOrDefault(qualified, false)) {
            long rows = scan(session, table, "");
            if (rows < EXACT_LIMIT) {
                return new TableRows(qualified, rows, false);
            }
            large.put(qualified, true);
        }
        String partitionKey = table.getPartitionKey().stream().map(c -> c.getName().asCql(true)).collect(Collectors.joining(", "));
        long sliceEnd = Long.MIN_VALUE + (long) (Math.pow(2, 64) / SAMPLED_SHARE);
        long rows = scan(session, table, " WHERE token(" + partitionKey + ") < " + sliceEnd) * SAMPLED_SHARE;
        if (rows < EXACT_LIMIT / 2) {
            large.remove(qualified);
        }
        return new TableRows(qualified, rows, true);
    }

    /** Rows of the table (matching the condition), scanned by key and never past the exact limit. */
    private static long scan(CqlSession session, TableMetadata table, String condition) {
        String keys = table.getPrimaryKey().stream().map(c -> c.getName().asCql(true)).collect(Collectors.joining(", "));
        String cql = "SELECT " + keys + " FROM " + table.getKeyspace().asCql(true) + "." + table.getName().asCql(true) + condition;
        long rows = 0;
        for (var ignored : session.execute(SimpleStatement.newInstance(cql).setPageSize(5000).setTimeout(TIMEOUT))) {
            if (++rows >= EXACT_LIMIT) {
                break;
            }
        }
        return rows;
    }
}
