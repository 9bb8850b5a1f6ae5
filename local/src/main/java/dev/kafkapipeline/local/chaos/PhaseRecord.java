package dev.kafkapipeline.local.chaos;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What a fault run saw of one fault while it happened; the rows are counted
 * after the run.
 *
 * @param victim          the service killed
 * @param lagAtKill       each running path's records not yet committed, just before the kill
 * @param producerInFlight records sent and not yet acknowledged by Kafka, just before the kill
 * @param interrupted     running paths the fault stopped writing
 * @param writingAgain    for each interrupted path that wrote again: the time from the kill to its first write
 * @param writes          writes Cassandra took into each path's table from the start of the fault's stream until all was written
 * @param drained         whether every running path committed the whole stream before the deadline
 * @param killedAtMicros  the kill, and {@code streamEndMicros} the end of the fault's stream, on the clock of Cassandra's
 *                        write times (microseconds since the epoch)
 */
record PhaseRecord(Fault fault, String victim, Map<SinkPath, Long> lagAtKill, long producerInFlight, Set<SinkPath> interrupted,
                   Map<SinkPath, Duration> writingAgain, Map<SinkPath, Long> writes, boolean drained, long killedAtMicros,
                   long streamEndMicros) {}
