package dev.kafkapipeline.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * From a row being readable in Cassandra to its lap drawn on the page: for each
 * number of laps n, when the page first drew n laps minus when Cassandra first
 * held n rows. Both sides poll (Cassandra every 50 ms, the page as fast as the
 * driver answers), so each figure may be late by one interval of either.
 */
/**
 * @param worstAt      the number of laps whose delay was the longest
 * @param maxAfterFirst the longest delay but the first lap's, which waits for a cold reader and cold charts
 */
record LapDelays(int laps, Duration median, Duration p95, Duration max, long worstAt, Duration maxAfterFirst) {

    static LapDelays between(Map<Long, Long> readableAt, Map<Long, Long> drawnAt) {
        List<Long> delays = new ArrayList<>();
        long worstAt = 0;
        long worst = -1;
        long worstAfterFirst = 0;
        for (Map.Entry<Long, Long> drawn : drawnAt.entrySet()) {
            Long readable = readableAt.get(drawn.getKey());
            if (readable != null) {
                long delay = Math.max(0, drawn.getValue() - readable);
                delays.add(delay);
                if (drawn.getKey() > 1) {
                    worstAfterFirst = Math.max(worstAfterFirst, delay);
                }
                if (delay > worst) {
                    worst = delay;
                    worstAt = drawn.getKey();
                }
            }
        }
        if (delays.isEmpty()) {
            throw new AssertionError("no lap was both counted in Cassandra and seen on the page");
        }
        delays.sort(null);
        return new LapDelays(delays.size(), Duration.ofNanos(delays.get(delays.size() / 2)),
                Duration.ofNanos(delays.get((int) Math.min(delays.size() - 1, Math.round(delays.size() * 0.95)))),
                Duration.ofNanos(delays.get(delays.size() - 1)), worstAt, Duration.ofNanos(worstAfterFirst));
    }

    @Override
    public String toString() {
        return String.format("median %.2f s, p95 %.2f s, max %.2f s (at lap row %d; %.2f s but the first) over %d laps",
                median.toMillis() / 1000.0, p95.toMillis() / 1000.0, max.toMillis() / 1000.0, worstAt,
                maxAfterFirst.toMillis() / 1000.0, laps);
    }
}
