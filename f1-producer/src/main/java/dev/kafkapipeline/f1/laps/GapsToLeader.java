package dev.kafkapipeline.f1.laps;

import java.util.Arrays;

/**
 * One driver's gaps to the leader as the timing reported them during a race, in
 * stream order: "LAP 12" for the leader, "+1.360" seconds behind him, "1 L" a lap
 * or more behind. Gaps are kept as milliseconds, lapped cars as whole laps
 * ({@link #LAP}) so that they sort behind everyone on the lead lap.
 */
final class GapsToLeader {
    /** A lap behind the leader, larger than any gap on the lead lap. */
    static final long LAP = 1_000_000_000L;

    private long[] times = new long[64];
    private long[] gaps = new long[64];
    private int size;

    /**
     * The gap in milliseconds that a GapToLeader text stands for, or null for an
     * empty one (no gap known).
     *
     * @throws IllegalArgumentException for a text of none of the three forms
     */
    static Long parse(String text) {
        String gap = text.trim();
        if (gap.isEmpty()) {
            return null;
        }
        if (gap.startsWith("LAP")) {
            return 0L;
        }
        if (gap.endsWith("L")) {
            return Long.parseLong(gap.substring(0, gap.length() - 1).trim()) * LAP;
        }
        if (gap.startsWith("+")) {
            return TimeText.millis(gap.substring(1));
        }
        throw new IllegalArgumentException("not a gap to the leader: \"" + text + "\"");
    }

    void add(long time, long gap) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            gaps = Arrays.copyOf(gaps, size * 2);
        }
        times[size] = time;
        gaps[size] = gap;
        size++;
    }

    /** The gap reported nearest to {@code time}, if one was reported within {@code window} ms of it; else null. */
    Long near(long time, long window) {
        int i = Arrays.binarySearch(times, 0, size, time);
        int at = i >= 0 ? i : -i - 1;
        Long best = null;
        long bestDistance = window + 1;
        for (int c = Math.max(0, at - 1); c <= Math.min(size - 1, at); c++) {
            long distance = Math.abs(times[c] - time);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = gaps[c];
            }
        }
        return best;
    }
}
