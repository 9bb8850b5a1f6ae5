package dev.kafkapipeline.local.status;

import dev.kafkapipeline.local.stack.ServiceOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code ./pipeline status} shows, collected at one moment by
 * {@link StatusCollector}: the services, then what the data says, and for a
 * cluster how its members see each other. Each part whose server is down
 * says why instead.
 *
 * @param cluster present for a cluster only
 */
public record StackStatus(List<ServiceStatus> services, Part<KafkaStatus> kafka, Part<List<ConnectorStatus>> connectors,
                          Part<List<TableRows>> tables, Optional<ClusterStatus> cluster) {

    /** A single node's status: it has no cluster to describe. */
    public StackStatus(List<ServiceStatus> services, Part<KafkaStatus> kafka, Part<List<ConnectorStatus>> connectors,
                       Part<List<TableRows>> tables) {
        this(services, kafka, connectors, tables, Optional.empty());
    }

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

    /** @param worker the worker that runs the task, as Connect names it (its REST host:port) */
    public record TaskState(int id, String state, String worker) {}

    /**
     * The members of a cluster as the cluster sees them.
     *
     * @param brokers Kafka's view: which brokers are registered and live, and which partitions lack in-sync replicas
     * @param ring    each Cassandra node as the driver sees it, joined with the nodes the ring knows
     * @param workers each Connect worker, and whether its REST API answers
     */
    public record ClusterStatus(Part<KafkaCluster> brokers, Part<List<NodeState>> ring, List<WorkerState> workers) {}

    /** @param underReplicated partitions, internal topics' included, with fewer in-sync replicas than replicas */
    public record KafkaCluster(List<BrokerState> brokers, List<PartitionReplicas> underReplicated) {}

    /**
     * @param live     registered with the controllers and not fenced: it serves
     * @param quorum   its part in the KRaft quorum of controllers: leader, voter, or none
     */
    public record BrokerState(int id, String address, boolean live, String quorum) {}

    /** @param leader the leader's node id, or -1 when the partition has none (offline) */
    public record PartitionReplicas(String topic, int partition, int leader, List<Integer> replicas, List<Integer> inSync) {}

    /**
     * @param address    host:port of its CQL
     * @param state      UP, DOWN or UNKNOWN as the driver's session sees it; NOT IN RING when no node knows it
     * @param datacenter its data centre, as it reports it
     */
    public record NodeState(String name, String address, String state, String datacenter) {}

    /** @param id the worker's id in task statuses (its advertised REST host:port) */
    public record WorkerState(String name, String id, boolean answering) {}

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
