package dev.kafkapipeline.local.chaos;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One path's account of one fault. A path owes the keys Kafka acknowledged
 * while the fault's stream ran; a path started during the fault owes every
 * key before it too, since it caught up on them then.
 *
 * @param started      whether the path ran during the fault; a path not started yet owes nothing
 * @param lagAtKill    records the path had not committed when the kill came; empty when it was not running
 * @param interrupted  whether the fault stopped the path writing
 * @param writingAgain the time from the kill to the path's first write after it, when it wrote again; in a cluster,
 *                     to its first commit past the kill on every partition, the killed member still down
 * @param stalled      in a cluster, the longest time after the kill that a partition of the stream got no write from
 *                     the path ({@link WriteStall}); empty on a single node, where writing again is the stall
 * @param owed         keys Kafka acknowledged that the path was to write during the fault
 * @param rows         of those keys, the ones found in the path's table after the run
 * @param lost         keys owed and not found
 * @param duplicates   writes Cassandra took from the path during the fault beyond one per row: re-deliveries the upserts absorbed
 */
public record PathOutcome(SinkPath path, boolean started, OptionalLong lagAtKill, boolean interrupted, Optional<Duration> writingAgain,
                          Optional<Duration> stalled, long owed, long rows, long lost, long duplicates) {

    public boolean recovered() {
        return !interrupted || writingAgain.isPresent();
    }
}
