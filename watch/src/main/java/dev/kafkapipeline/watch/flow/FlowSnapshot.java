package dev.kafkapipeline.watch.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the stack says at one moment, part by part, as {@code ./pipeline status}
 * reads it: the processes, Kafka's topics and consumer groups, Connect's
 * connectors, and the rows of each table. Rates are not here: they need two
 * snapshots (see {@link FlowView}).
 */
public record FlowSnapshot(
        Instant takenAt,
        Part<List<ServiceState>> services,
        Part<KafkaState> kafka,
        Part<List<ConnectorState>> connectors,
        Part<List<TableRows>> tables) {

    /**
     * A process of the stack.
     *
     * @param state  running, done (exited 0), failed (exited otherwise) or stopped
     * @param detail what explains the state (the last line it logged, when it has exited)
     */
    public record ServiceState(String name, String state, String detail) {}

    /** End offsets summed over each topic's partitions, and every consumer group that has committed offsets. */
    public record KafkaState(Map<String, Long> endOffsets, List<GroupState> groups) {}

    /**
     * A consumer group: its state as the broker reports it (STABLE while members
     * consume, EMPTY once the last one has left), and per topic the committed
     * offsets and the lag behind the end, summed over partitions.
     */
    public record GroupState(String group, String state, Map<String, Long> committed, Map<String, Long> lag) {}

    /** A connector and the state of each of its tasks, as Connect's REST API reports them. */
    public record ConnectorState(String name, String state, List<String> taskStates) {}

    /** A table's rows: counted, or estimated where counting would be slow. */
    public record TableRows(String table, long rows, boolean estimated) {}
}
