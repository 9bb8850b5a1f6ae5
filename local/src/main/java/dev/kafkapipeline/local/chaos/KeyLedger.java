package dev.kafkapipeline.local.chaos;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every key a fault run sends, fault by fault, and whether Kafka acknowledged
 * it: an acknowledged key is one the paths must write; and the partition
 * Kafka put it in, so that a stall of one partition shows. Keys are
 * {@code chaos-<run>-<fault>-<n>}, so a row names the key it came from.
 */
final class KeyLedger {
    /** Where a key of this run belongs. */
    record Entry(int phase, int sequence) {}

    private final String prefix;
    private final BitSet[] acknowledged;
    private final BitSet[] failed;
    /** For each phase, the keys Kafka acknowledged in each partition. */
    private final List<Map<Integer, BitSet>> partitions = new ArrayList<>();

    KeyLedger(String run, int phases) {
        this.prefix = "chaos-" + run + "-";
        this.acknowledged = new BitSet[phases];
        this.failed = new BitSet[phases];
        for (int i = 0; i < phases; i++) {
            acknowledged[i] = new BitSet();
            failed[i] = new BitSet();
            partitions.add(new TreeMap<>());
        }
    }

    String key(int phase, int sequence) {
        return prefix + phase + "-" + sequence;
    }

    /** The entry of a key of this run; empty for any other key (another run's, another producer's). */
    Optional<Entry> entry(String key) {
        if (key == null || !key.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = key.substring(prefix.length()).split("-");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            int phase = Integer.parseInt(parts[0]);
            return phase >= 0 && phase < acknowledged.length ? Optional.of(new Entry(phase, Integer.parseInt(parts[1]))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    synchronized void acknowledged(int phase, int sequence, int partition) {
        acknowledged[phase].set(sequence);
        partitions.get(phase).computeIfAbsent(partition, p -> new BitSet()).set(sequence);
    }

    /** The keys of a phase that Kafka acknowledged in each partition of the topic. */
    synchronized Map<Integer, BitSet> partitions(int phase) {
        Map<Integer, BitSet> copy = new TreeMap<>();
        partitions.get(phase).forEach((partition, keys) -> copy.put(partition, (BitSet) keys.clone()));
        return copy;
    }

    synchronized void failed(int phase, int sequence) {
        failed[phase].set(sequence);
    }

    synchronized BitSet acknowledged(int phase) {
        return (BitSet) acknowledged[phase].clone();
    }

    synchronized int acknowledgedCount() {
        int n = 0;
        for (BitSet keys : acknowledged) {
            n += keys.cardinality();
        }
        return n;
    }

    synchronized int failedCount() {
        int n = 0;
        for (BitSet keys : failed) {
            n += keys.cardinality();
        }
        return n;
    }
}
