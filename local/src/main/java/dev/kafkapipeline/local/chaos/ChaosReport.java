package dev.kafkapipeline.local.chaos;

import dev.kafkapipeline.local.stack.ClusterTopology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * The fault run's result: for every fault and path, what was in flight, how
 * long the path took to write again, and whether every key Kafka acknowledged
 * is in the path's table.
 *
 * @param topology      the stack's: a single node of each server, or a cluster whose members the run killed one at a time
 * @param commitlogSync Cassandra's commitlog_sync setting during the run
 * @param failedSends   records Kafka never acknowledged (the producer gave up on them); none are owed to the paths
 * @param otherRows     rows in each path's table from records the run did not send (another producer of the topic);
 *                      their writes count among that fault's duplicates
 */
public record ChaosReport(ChaosSettings settings, ClusterTopology topology, String commitlogSync, List<FaultOutcome> faults,
                          long failedSends, Map<SinkPath, Long> otherRows) {

    public boolean nothingLost() {
        return faults.stream().flatMap(f -> f.paths().stream()).allMatch(p -> p.lost() == 0);
    }

    public boolean everyPathWroteAgain() {
        return faults.stream().flatMap(f -> f.paths().stream()).allMatch(PathOutcome::recovered);
    }

    public boolean passed() {
        return nothingLost() && everyPathWroteAgain();
    }

    /** The table {@code ./pipeline chaos} prints, with what its columns mean and the verdict. */
    public String table() {
        return FaultTable.render(this);
    }

    public FaultOutcome fault(Fault fault) {
        return faults.stream().filter(f -> f.fault() == fault).findFirst().orElseThrow();
    }

    /**
     * Counts each fault's keys in each table. Between faults every running
     * path wrote and committed the whole stream, so what Cassandra counted
     * during a fault is the path's writes of the keys it owed then.
     *
     * @param firstPhase the phase in which each path started
     */
    static ChaosReport of(ChaosSettings settings, ClusterTopology topology, String commitlogSync, List<PhaseRecord> phases,
                          ChaosTables.Census census, KeyLedger ledger, Map<SinkPath, Integer> firstPhase) {
        List<FaultOutcome> faults = new ArrayList<>();
        for (int phase = 0; phase < phases.size(); phase++) {
            PhaseRecord record = phases.get(phase);
            List<PathOutcome> paths = new ArrayList<>();
            for (SinkPath path : SinkPath.values()) {
                int first = firstPhase.getOrDefault(path, Integer.MAX_VALUE);
                long owed = 0;
                long rows = 0;
                long lost = 0;
                for (int keys : owedPhases(phase, first)) {
                    BitSet acknowledged = ledger.acknowledged(keys);
                    BitSet found = census.found().get(path)[keys];
                    BitSet missing = (BitSet) acknowledged.clone();
                    missing.andNot(found);
                    owed += acknowledged.cardinality();
                    rows += found.cardinality();
                    lost += missing.cardinality();
                }
                Long lag = record.lagAtKill().get(path);
                Optional<Duration> stalled = topology.isCluster() && phase >= first
                        ? Optional.of(WriteStall.longest(ledger, census.writtenAt().get(path), phase, record.killedAtMicros(), record.streamEndMicros()))
                        : Optional.empty();
                paths.add(new PathOutcome(path, phase >= first, lag == null ? OptionalLong.empty() : OptionalLong.of(lag),
                        record.interrupted().contains(path), Optional.ofNullable(record.writingAgain().get(path)), stalled,
                        owed, rows, lost, record.writes().getOrDefault(path, 0L) - rows));
            }
            faults.add(new FaultOutcome(record.fault(), record.victim(), ledger.acknowledged(phase).cardinality(), record.producerInFlight(),
                    record.drained(), paths));
        }
        return new ChaosReport(settings, topology, commitlogSync, faults, ledger.failedCount(), census.otherRows());
    }

    /** The phases whose keys a path owes during a phase: that phase's, and for the phase it started in, all before too. */
    private static int[] owedPhases(int phase, int first) {
        if (phase < first) {
            return new int[0];
        }
        return IntStream.rangeClosed(phase == first ? 0 : phase, phase).toArray();
    }
}
