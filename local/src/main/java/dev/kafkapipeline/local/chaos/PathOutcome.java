package dev.kafkapipeline.local.chaos;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One path's account of one fault.
 *
 * @param lagAtKill    records the path had not committed when the kill came; empty when it was not running yet
 * @param interrupted  whether the fault stopped the path writing
 * @param writingAgain the time from the kill to the path's first write after it, when it wrote again
 * @param rows         the fault's keys found in the path's table
 * @param lost         keys Kafka acknowledged that the path's table does not hold
 * @param duplicates   writes Cassandra took during the fault beyond one per new row: re-deliveries the upserts absorbed
 */
public record PathOutcome(SinkPath path, OptionalLong lagAtKill, boolean interrupted, Optional<Duration> writingAgain,
                          long rows, long lost, long duplicates) {

    public boolean recovered() {
        return !interrupted || writingAgain.isPresent();
    }
}
