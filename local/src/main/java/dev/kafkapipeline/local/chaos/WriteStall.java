package dev.kafkapipeline.local.chaos;

import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * How long a fault stopped a path writing, read after the run from the write
 * time Cassandra keeps of each row (the writer's clock, in microseconds),
 * partition by partition of the topic: in a cluster a fault stops part of the
 * stream (the partitions a dead broker led, those a killed consumer held)
 * while the rest flows on, so the path's writes as a whole would hide it.
 *
 * <p>For each partition, the longest time from the kill until the end of the
 * fault's stream during which the path wrote none of its rows; the fault's
 * stall is the longest of these. A row written again later (a re-delivery)
 * keeps only its last write time, so its first write counts as not made:
 * that can only lengthen a stall, never hide one.
 */
final class WriteStall {
    private WriteStall() {}

    /**
     * @param writtenAt     the path's rows' write times, by phase and key (0: no row)
     * @param lastPhase     the fault's phase; keys of this phase and the ones before count
     * @param killedAtMicros when the kill came, on the same clock as the write times
     * @param streamEndMicros when the fault's stream stopped
     */
    static Duration longest(KeyLedger ledger, long[][] writtenAt, int lastPhase, long killedAtMicros, long streamEndMicros) {
        Map<Integer, long[]> byPartition = new TreeMap<>();
        for (int phase = 0; phase <= lastPhase; phase++) {
            long[] times = writtenAt[phase];
            for (Map.Entry<Integer, BitSet> partition : ledger.partitions(phase).entrySet()) {
                BitSet keys = partition.getValue();
                long[] found = new long[keys.cardinality()];
                int n = 0;
                for (int key = keys.nextSetBit(0); key >= 0; key = keys.nextSetBit(key + 1)) {
                    if (key < times.length && times[key] > 0 && times[key] <= streamEndMicros) {
                        found[n++] = times[key];
                    }
                }
                byPartition.merge(partition.getKey(), Arrays.copyOf(found, n), WriteStall::concat);
            }
        }
        long longest = 0;
        for (long[] times : byPartition.values()) {
            longest = Math.max(longest, longestGap(times, killedAtMicros));
        }
        return Duration.ofNanos(longest * 1000);
    }

    /** The longest time after {@code from} between two writes, or from {@code from} to the first write after it. */
    static long longestGap(long[] times, long from) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        long longest = 0;
        long previous = from;
        for (long time : sorted) {
            if (time > from) {
                longest = Math.max(longest, time - previous);
                previous = time;
            }
        }
        return longest;
    }

    private static long[] concat(long[] one, long[] other) {
        long[] both = Arrays.copyOf(one, one.length + other.length);
        System.arraycopy(other, 0, both, one.length, other.length);
        return both;
    }
}
