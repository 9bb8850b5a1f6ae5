package dev.kafkapipeline.local.chaos;

import java.util.List;

/**
 * One fault's line of the fault run's table.
 *
 * @param victim           the service killed: the stack's one of its kind, or the member of a cluster the run chose
 * @param acknowledged     keys sent while the fault's stream ran that Kafka acknowledged
 * @param producerInFlight records the producer had sent and Kafka not yet acknowledged at the kill
 * @param drained          whether every path had committed the whole stream before the next fault
 */
public record FaultOutcome(Fault fault, String victim, long acknowledged, long producerInFlight, boolean drained, List<PathOutcome> paths) {

    public PathOutcome path(SinkPath path) {
        return paths.stream().filter(p -> p.path() == path).findFirst().orElseThrow();
    }
}
