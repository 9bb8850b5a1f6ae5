package dev.kafkapipeline.local.status;

import dev.kafkapipeline.local.stack.ServerMember;
import dev.kafkapipeline.local.status.StackStatus.BrokerState;
import dev.kafkapipeline.local.status.StackStatus.KafkaCluster;
import dev.kafkapipeline.local.status.StackStatus.PartitionReplicas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * A Kafka cluster as it sees itself: the brokers registered and unfenced
 * (Admin.describeCluster), the KRaft quorum's leader and voters
 * (describeMetadataQuorum), and every partition, internal topics' included,
 * with fewer in-sync replicas than replicas.
 */
final class BrokerProbe {
    private BrokerProbe() {}

    static KafkaCluster read(String bootstrap, List<ServerMember> brokers, int port, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        long seconds = timeout.toSeconds();
        try (Admin admin = Admin.create(props)) {
            Set<Integer> live = admin.describeCluster().nodes().get(seconds, TimeUnit.SECONDS).stream()
                    .map(Node::id).collect(Collectors.toSet());
            Optional<QuorumInfo> quorum = quorum(admin, seconds);
            List<BrokerState> states = new ArrayList<>();
            for (ServerMember broker : brokers) {
                states.add(new BrokerState(broker.number(), broker.address(port), live.contains(broker.number()), role(quorum, broker.number())));
            }
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(seconds, TimeUnit.SECONDS);
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(seconds, TimeUnit.SECONDS);
            return new KafkaCluster(List.copyOf(states), underReplicated(described.values()));
        }
    }

    /** The quorum needs a majority of controllers to answer; without one, the roles are unknown but the rest still shows. */
    private static Optional<QuorumInfo> quorum(Admin admin, long seconds) throws InterruptedException {
        try {
            return Optional.of(admin.describeMetadataQuorum().quorumInfo().get(seconds, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private static String role(Optional<QuorumInfo> quorum, int id) {
        if (quorum.isEmpty()) {
            return "unknown";
        }
        if (quorum.get().leaderId() == id) {
            return "leader";
        }
        return quorum.get().voters().stream().anyMatch(voter -> voter.replicaId() == id) ? "voter" : "-";
    }

    static List<PartitionReplicas> underReplicated(java.util.Collection<TopicDescription> topics) {
        List<PartitionReplicas> partitions = new ArrayList<>();
        for (TopicDescription topic : topics) {
            for (TopicPartitionInfo partition : topic.partitions()) {
                if (partition.isr().size() < partition.replicas().size()) {
                    partitions.add(new PartitionReplicas(topic.name(), partition.partition(),
                            partition.leader() == null || partition.leader().isEmpty() ? -1 : partition.leader().id(),
                            ids(partition.replicas()), ids(partition.isr())));
                }
            }
        }
        partitions.sort(Comparator.comparing(PartitionReplicas::topic).thenComparingInt(PartitionReplicas::partition));
        return List.copyOf(partitions);
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }
}
