package dev.kafkapipeline.bench;

import java.util.Arrays;

/** Rates and latency percentiles from the rows' write times; pure functions. */
final class Figures {
    private Figures() {}

    /** Rows per second between the first and the last write. */
    static double rowsPerSecond(long[] writeTimesMicros) {
        if (writeTimesMicros.length < 2) {
            return 0;
        }
        long first = Arrays.stream(writeTimesMicros).min().orElseThrow();
        long last = Arrays.stream(writeTimesMicros).max().orElseThrow();
        return (writeTimesMicros.length - 1) / Math.max(1e-6, (last - first) / 1e6);
    }

    /** The q-quantile (0 < q <= 1) by the nearest-rank method. */
    static long percentile(long[] values, double q) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
