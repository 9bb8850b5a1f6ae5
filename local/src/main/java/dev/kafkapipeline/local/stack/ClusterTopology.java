package dev.kafkapipeline.local.stack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The shape of a stack: how many brokers, Cassandra nodes, Connect workers and
 * consumers it runs, and how it replicates. Either one of each ({@code ./pipeline
 * up}) or the three-node cluster of {@code ./pipeline up --cluster}. The
 * cluster's values are also what docker-compose.cluster.yml promises: a test
 * of docker-check compares that file with {@link #THREE_NODES}, so the two
 * cannot drift apart.
 *
 * <p>Members are numbered from 1: Kafka's node ids, and natively the last
 * byte of the member's loopback address (127.0.0.N), all on the same ports.
 *
 * @param seedNodes         the first this many Cassandra nodes are its seeds
 * @param replicationFactor of every topic, Connect's and Kafka's internal ones included, and of the keyspace
 * @param minInsyncReplicas replicas that must have a record before Kafka acknowledges it to an acks=all producer
 */
public record ClusterTopology(int brokers, int cassandraNodes, int seedNodes, int connectWorkers, int consumerMembers,
                              int replicationFactor, int minInsyncReplicas, String datacenter) {

    public static final ClusterTopology SINGLE_NODE = new ClusterTopology(1, 1, 1, 1, 1, 1, 1, "datacenter1");
    /**
     * Any one broker, Cassandra node, Connect worker or consumer can die:
     * two of three controllers keep the quorum, two in-sync replicas still
     * acknowledge a record, two of three replicas still make a QUORUM, and the
     * other worker or consumer takes over the work.
     */
    public static final ClusterTopology THREE_NODES = new ClusterTopology(3, 3, 2, 2, 2, 3, 2, "datacenter1");
    public static final String CASSANDRA_CLUSTER_NAME = "kafkapipeline";

    public boolean isCluster() {
        return brokers > 1 || cassandraNodes > 1;
    }

    /** The snitch that puts every node in {@link #datacenter}: one node needs none but SimpleSnitch. */
    public String snitch() {
        return isCluster() ? "GossipingPropertyFileSnitch" : "SimpleSnitch";
    }

    /** Kafka's node ids: 1 to {@link #brokers}. */
    public List<Integer> brokerIds() {
        return numbers(brokers);
    }

    /** Kafka's controller.quorum.voters: {@code 1@host:port,2@host:port,...}, each broker also a controller. */
    public String quorumVoters(IntFunction<String> controllerAddress) {
        return brokerIds().stream().map(id -> id + "@" + controllerAddress.apply(id)).collect(Collectors.joining(","));
    }

    /** Every broker, so that a client starts while any one is down. */
    public String bootstrapServers(IntFunction<String> brokerAddress) {
        return join(brokers, brokerAddress);
    }

    /** Every Cassandra node, so that a client starts while any one is down. */
    public String contactPoints(IntFunction<String> nodeAddress) {
        return join(cassandraNodes, nodeAddress);
    }

    public String seeds(IntFunction<String> nodeAddress) {
        return join(seedNodes, nodeAddress);
    }

    /** The keyspace's replication map in CQL. */
    public String keyspaceReplication() {
        return "{'class': 'NetworkTopologyStrategy', '" + datacenter + "': " + replicationFactor + "}";
    }

    /**
     * The broker settings that follow from the topology, by their names in
     * server.properties: Kafka's internal topics replicate like the pipeline's,
     * and an acks=all write needs {@link #minInsyncReplicas} replicas.
     */
    public Map<String, String> brokerSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("default.replication.factor", Integer.toString(replicationFactor));
        settings.put("min.insync.replicas", Integer.toString(minInsyncReplicas));
        settings.put("offsets.topic.replication.factor", Integer.toString(replicationFactor));
        settings.put("transaction.state.log.replication.factor", Integer.toString(replicationFactor));
        settings.put("transaction.state.log.min.isr", Integer.toString(minInsyncReplicas));
        settings.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicationFactor));
        settings.put("share.coordinator.state.topic.min.isr", Integer.toString(minInsyncReplicas));
        return settings;
    }

    /** The replication factors of Connect's own topics (connector configs, offsets, statuses). */
    public Map<String, String> connectStorageSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String topic : List.of("config", "offset", "status")) {
            settings.put(topic + ".storage.replication.factor", Integer.toString(replicationFactor));
        }
        return settings;
    }

    private static List<Integer> numbers(int count) {
        return IntStream.rangeClosed(1, count).boxed().toList();
    }

    private static String join(int count, IntFunction<String> address) {
        return numbers(count).stream().map(address::apply).collect(Collectors.joining(","));
    }
}
