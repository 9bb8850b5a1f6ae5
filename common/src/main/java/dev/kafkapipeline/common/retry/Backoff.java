package dev.kafkapipeline.common.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Pauses between tries that double with each failure in a row, from
 * {@code first} up to {@code max}: a short outage costs little, a long one
 * costs one try every {@code max}.
 */
public record Backoff(Duration first, Duration max) {
    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** The pause after {@code failuresInARow} failures (1 after the first): first, twice that, ..., at most max. */
    public Duration after(int failuresInARow) {
        // 2^30 times any sensible first pause is far beyond any sensible max; the cap keeps the shift in range.
        int doublings = Math.min(Math.max(failuresInARow, 1) - 1, 30);
        Duration pause = first.multipliedBy(1L << doublings);
        return pause.compareTo(max) > 0 ? max : pause;
    }
}
