package dev.kafkapipeline.watch;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;

/**
 * Watches a session's rows in lapsummary: every 50 ms it counts them, and notes
 * when each count was first readable. One side of the lap delay the browser
 * test measures.
 */
final class LapArrivals implements Callable<Void> {
    private static final long INTERVAL_MILLIS = 50;

    private final CqlSession session;
    private final SimpleStatement count;
    private final Map<Long, Long> firstSeen = new ConcurrentHashMap<>();
    private volatile long latest;
    private volatile boolean stopped;

    LapArrivals(CqlSession session, String table, String sessionKey) {
        this.session = session;
        this.count = SimpleStatement.newInstance("SELECT driver, lap_number FROM " + table + " WHERE session_key = ?", sessionKey)
                .setTimeout(Duration.ofSeconds(10));
    }

    @Override
    public Void call() throws InterruptedException {
        while (!stopped) {
            long rows = session.execute(count).all().size();
            long now = System.nanoTime();
            for (long n = latest + 1; n <= rows; n++) {
                firstSeen.putIfAbsent(n, now);
            }
            latest = Math.max(latest, rows);
            Thread.sleep(INTERVAL_MILLIS);
        }
        return null;
    }

    void stop() {
        stopped = true;
    }

    long latest() {
        return latest;
    }

    /** For each number of rows, the nanoTime it was first counted. */
    Map<Long, Long> firstSeen() {
        return Map.copyOf(firstSeen);
    }
}
