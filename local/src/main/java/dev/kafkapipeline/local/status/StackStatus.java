package dev.kafkapipeline.local.status;

import dev.kafkapipeline.local.stack.ServiceOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code ./pipeline status} shows, collected at one moment by
 * {@link StatusCollector}: the services, then what the data says. Each part
 * whose server is down says why instead.
 */
public record StackStatus(List<ServiceStatus> services, Part<KafkaStatus> kafka, Part<List<ConnectorStatus>> connectors,
                          Part<List<TableRows>> tables) {

    public enum State { RUNNING, DONE, FAILED, EXITED, STOPPED }

    /**
     * @param outcome     what the service wrote when it ended, when it has ended and wrote one
     * @param lastLogLine the last line of its log, for a service that failed or exited without a word
     */
    public record ServiceStatus(String name, State state, OptionalLong pid, String address, Optional<ServiceOutcome> outcome,
                                String lastLogLine) {}

    /** @param groupStates each consumer group's state as the broker names it (STABLE while members consume, EMPTY once none is left) */
    public record KafkaStatus(List<TopicOffsets> topics, List<GroupLag> lags, Map<String, String> groupStates) {}

    /** @param endOffsets the sum of the partitions' end offsets: how many records the topic ever held */
    public record TopicOffsets(String topic, int partitions, long endOffsets) {}

    /** @param lag records of the topic the group has not committed yet; never negative */
    public record GroupLag(String group, String topic, long committed, long lag) {}

    public record ConnectorStatus(String name, String state, List<TaskState> tasks) {}

    public record TaskState(int id, String state) {}

    /** @param rows empty when the table does not exist */
    public record TableRows(String table, Optional<RowCount> rows) {}

    /** How many rows a table holds, and how sure that is: counting every row of a large table takes minutes. */
    public record RowCount(long value, Accuracy accuracy) {
        public enum Accuracy {
            EXACT,
            /** At least this many: the count stopped there. */
            AT_LEAST,
            /** Cassandra's own estimate (system.size_estimates) of a table with one row per partition. */
            ESTIMATE
        }
    }
}
