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
record LapDelays(int laps, Duration median, Duration p95, Duration max) {

    static LapDelays between(Map<Long, Long> readableAt, Map<Long, Long> drawnAt) {
        List<Long> delays = new ArrayList<>();
        drawnAt.forEach((n, drawn) -> {
            Long readable = readableAt.get(n);
            if (readable != null) {
                delays.add(Math.max(0, drawn - readable));
            }
        });
        if (delays.isEmpty()) {
            throw new AssertionError("no lap was both counted in Cassandra and seen on the page");
        }
        delays.sort(null);
        return new LapDelays(delays.size(), Duration.ofNanos(delays.get(delays.size() / 2)),
                Duration.ofNanos(delays.get((int) Math.min(delays.size() - 1, Math.round(delays.size() * 0.95)))),
                Duration.ofNanos(delays.get(delays.size() - 1)));
    }

    @Override
    public String toString() {
        return String.format("median %.2f s, p95 %.2f s, max %.2f s over %d laps",
                median.toMillis() / 1000.0, p95.toMillis() / 1000.0, max.toMillis() / 1000.0, laps);
    }
}
