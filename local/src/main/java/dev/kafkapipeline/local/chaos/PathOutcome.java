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
 * @param writingAgain the time from the kill to the path's first write after it, when it wrote again
 * @param owed         keys Kafka acknowledged that the path was to write during the fault
 * @param rows         of those keys, the ones found in the path's table after the run
 * @param lost         keys owed and not found
 * @param duplicates   writes Cassandra took from the path during the fault beyond one per row: re-deliveries the upserts absorbed
 */
public record PathOutcome(SinkPath path, boolean started, OptionalLong lagAtKill, boolean interrupted, Optional<Duration> writingAgain,
                          long owed, long rows, long lost, long duplicates) {

    public boolean recovered() {
        return !interrupted || writingAgain.isPresent();
    }
}
