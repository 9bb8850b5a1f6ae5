package dev.kafkapipeline.local.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.local.stack.ClusterTopology;
import java.time.Duration;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fault run's accounting: keys lost per fault and path, and writes beyond one per new row. */
class ChaosReportTest {
    private static final ChaosSettings SETTINGS = new ChaosSettings(100, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void aKeyMissingFromOnePathsTableIsLostOnThatPathOnly() {
        KeyLedger ledger = ledger(10, 10, 5, 5);
        Map<SinkPath, BitSet[]> found = new EnumMap<>(Map.of(
                SinkPath.CONNECT, keys(10, 10, 5, 5),
                SinkPath.CONSUMERS, keys(10, 10, 5, 5)));
        found.get(SinkPath.CONNECT)[3].clear(2);

        ChaosReport report = report(ledger, found, writes(10, 10, 5, 4), writes(0, 20, 5, 5));

        assertEquals(1, report.fault(Fault.CASSANDRA).path(SinkPath.CONNECT).lost());
        assertEquals(4, report.fault(Fault.CASSANDRA).path(SinkPath.CONNECT).rows());
        assertEquals(0, report.fault(Fault.CASSANDRA).path(SinkPath.CONSUMERS).lost());
        assertFalse(report.nothingLost());
        assertTrue(report.table().contains("LOST"), report.table());
    }

    @Test
    void aPathStartedLateLosesTheKeysItCaughtUpOnInTheFaultItStartedIn() {
        KeyLedger ledger = ledger(10, 10, 5, 5);
        Map<SinkPath, BitSet[]> found = new EnumMap<>(Map.of(
                SinkPath.CONNECT, keys(10, 10, 5, 5),
                SinkPath.CONSUMERS, keys(10, 10, 5, 5)));
        found.get(SinkPath.CONSUMERS)[0].clear(3, 5);

        ChaosReport report = report(ledger, found, writes(10, 10, 5, 5), writes(0, 18, 5, 5));

        assertEquals(2, report.fault(Fault.CONSUMERS).path(SinkPath.CONSUMERS).lost(), report.table());
        assertFalse(report.fault(Fault.CONNECT_WORKER).path(SinkPath.CONSUMERS).started());
        assertEquals(0, report.fault(Fault.CONNECT_WORKER).path(SinkPath.CONSUMERS).lost());
    }

    @Test
    void aPathStartedLateOwesTheKeysItCaughtUpOnAndWritesBeyondThemAreDuplicates() {
        KeyLedger ledger = ledger(10, 10, 5, 5);
        Map<SinkPath, BitSet[]> found = new EnumMap<>(Map.of(
                SinkPath.CONNECT, keys(10, 10, 5, 5),
                SinkPath.CONSUMERS, keys(10, 10, 5, 5)));

        // Connect wrote 3 keys twice after its kill; the consumers, started with the second fault, wrote
        // the first fault's 10 keys and its own 10, 4 of them twice.
        ChaosReport report = report(ledger, found, writes(13, 10, 5, 5), writes(0, 24, 5, 5));

        assertEquals(3, report.fault(Fault.CONNECT_WORKER).path(SinkPath.CONNECT).duplicates());
        assertEquals(0, report.fault(Fault.CONNECT_WORKER).path(SinkPath.CONSUMERS).duplicates());
        assertEquals(4, report.fault(Fault.CONSUMERS).path(SinkPath.CONSUMERS).duplicates());
        assertEquals(20, report.fault(Fault.CONSUMERS).path(SinkPath.CONSUMERS).owed(), "the keys it caught up on and its own");
        assertEquals(20, report.fault(Fault.CONSUMERS).path(SinkPath.CONSUMERS).rows());
        assertTrue(report.passed(), report.table());
        assertTrue(report.table().contains("Nothing lost"), report.table());
    }

    @Test
    void keysOfAnotherRunOrProducerAreNotTheRunsOwn() {
        KeyLedger ledger = new KeyLedger("42", 4);
        assertEquals(Optional.of(new KeyLedger.Entry(3, 17)), ledger.entry(ledger.key(3, 17)));
        assertEquals(Optional.empty(), ledger.entry("chaos-41-3-17"));
        assertEquals(Optional.empty(), ledger.entry("chaos-42-9-1"));
        assertEquals(Optional.empty(), ledger.entry("Jane Doe"));
    }

    @Test
    void aClustersTableNamesTheMemberKilledAndHowLongEachPathStalled() {
        long second = 1_000_000;
        KeyLedger ledger = ledger(30, 30, 30, 30);
        Map<SinkPath, BitSet[]> found = new EnumMap<>(Map.of(
                SinkPath.CONNECT, keys(30, 30, 30, 30),
                SinkPath.CONSUMERS, keys(30, 30, 30, 30)));
        Map<SinkPath, long[][]> writtenAt = new EnumMap<>(SinkPath.class);
        List<PhaseRecord> phases = new java.util.ArrayList<>();
        for (SinkPath path : SinkPath.values()) {
            writtenAt.put(path, new long[4][30]);
        }
        for (int phase = 0; phase < 4; phase++) {
            Fault fault = Fault.CLUSTER_ORDER.get(phase);
            long killedAt = (100 + 100 * phase) * second;
            for (int key = 0; key < 30; key++) {
                // A key a second from 10 s before the kill, each partition every third; Connect's partition 0 none from 3 s to 13 s after it.
                long at = killedAt + (key - 10) * second;
                writtenAt.get(SinkPath.CONSUMERS)[phase][key] = at;
                boolean stalled = key % 3 == 0 && at > killedAt + 3 * second && at < killedAt + 13 * second;
                writtenAt.get(SinkPath.CONNECT)[phase][key] = stalled ? killedAt + 25 * second : at;
            }
            Map<SinkPath, Long> lag = Map.of(SinkPath.CONNECT, 5L, SinkPath.CONSUMERS, 5L);
            Map<SinkPath, Duration> again = new EnumMap<>(SinkPath.class);
            fault.interrupts().forEach(path -> again.put(path, Duration.ofSeconds(4)));
            phases.add(new PhaseRecord(fault, "member-" + phase, lag, 0, fault.interrupts(), again,
                    Map.of(SinkPath.CONNECT, 30L, SinkPath.CONSUMERS, 30L), true, killedAt, killedAt + 20 * second));
        }

        ChaosReport report = ChaosReport.of(SETTINGS, ClusterTopology.THREE_NODES, "batch", phases,
                new ChaosTables.Census(found, Map.of(SinkPath.CONNECT, 0L, SinkPath.CONSUMERS, 0L), writtenAt),
                ledger, Map.of(SinkPath.CONNECT, 0, SinkPath.CONSUMERS, 0));

        String table = report.table();
        assertEquals(Optional.of(Duration.ofSeconds(12)), report.fault(Fault.CASSANDRA).path(SinkPath.CONNECT).stalled(),
                "partition 0: from its write 2 s after the kill to the next at 14 s; the late re-writes come after the stream ended\n" + table);
        assertEquals(Optional.of(Duration.ofSeconds(3)), report.fault(Fault.CASSANDRA).path(SinkPath.CONSUMERS).stalled(),
                "a partition's usual gap: every third key is its own\n" + table);
        assertTrue(table.contains("Cassandra member-1") && table.contains("stalled writing") && table.contains("12.0 s"), table);
        assertTrue(report.passed(), table);
    }

    private static ChaosReport report(KeyLedger ledger, Map<SinkPath, BitSet[]> found, long[] connectWrites, long[] consumerWrites) {
        List<PhaseRecord> phases = new java.util.ArrayList<>();
        for (Fault fault : Fault.values()) {
            int phase = fault.ordinal();
            Map<SinkPath, Long> lag = new EnumMap<>(SinkPath.class);
            lag.put(SinkPath.CONNECT, 5L);
            if (phase >= 1) {
                lag.put(SinkPath.CONSUMERS, 5L);
            }
            Set<SinkPath> interrupted = phase == 0 ? Set.of(SinkPath.CONNECT) : fault.interrupts();
            Map<SinkPath, Duration> again = new EnumMap<>(SinkPath.class);
            interrupted.forEach(path -> again.put(path, Duration.ofSeconds(3)));
            phases.add(new PhaseRecord(fault, fault.kind().orElse("chaos-consumers"), lag, 0, interrupted, again,
                    Map.of(SinkPath.CONNECT, connectWrites[phase], SinkPath.CONSUMERS, consumerWrites[phase]), true, 0, 0));
        }
        Map<SinkPath, long[][]> writtenAt = Map.of(SinkPath.CONNECT, new long[4][0], SinkPath.CONSUMERS, new long[4][0]);
        return ChaosReport.of(SETTINGS, ClusterTopology.SINGLE_NODE, "batch", phases,
                new ChaosTables.Census(found, Map.of(SinkPath.CONNECT, 0L, SinkPath.CONSUMERS, 0L), writtenAt),
                ledger, Map.of(SinkPath.CONNECT, 0, SinkPath.CONSUMERS, 1));
    }

    private static KeyLedger ledger(int... perPhase) {
        KeyLedger ledger = new KeyLedger("7", perPhase.length);
        for (int phase = 0; phase < perPhase.length; phase++) {
            for (int n = 0; n < perPhase[phase]; n++) {
                ledger.acknowledged(phase, n, n % 3);
            }
        }
        return ledger;
    }

    private static BitSet[] keys(int... perPhase) {
        BitSet[] keys = new BitSet[perPhase.length];
        for (int phase = 0; phase < perPhase.length; phase++) {
            keys[phase] = new BitSet();
            keys[phase].set(0, perPhase[phase]);
        }
        return keys;
    }

    private static long[] writes(long... perPhase) {
        return perPhase;
    }
}
