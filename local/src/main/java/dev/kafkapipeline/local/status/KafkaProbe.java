package dev.kafkapipeline.local.status;

import dev.kafkapipeline.local.status.StackStatus.GroupLag;
import dev.kafkapipeline.local.status.StackStatus.KafkaStatus;
import dev.kafkapipeline.local.status.StackStatus.TopicOffsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The topics' end offsets and every consumer group's state, committed offsets
 * and lag, from the broker's admin API.
 */
public final class KafkaProbe {
    private KafkaProbe() {}

    static KafkaStatus read(String bootstrap, Duration timeout) throws ExecutionException, InterruptedException, TimeoutException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            return read(admin, timeout.toSeconds());
        }
    }

    /** The same through an admin client of the caller's, for a caller that asks every second (the live page). */
    public static KafkaStatus read(Admin admin, Duration timeout) throws ExecutionException, InterruptedException, TimeoutException {
        return read(admin, timeout.toSeconds());
    }

    private static KafkaStatus read(Admin admin, long seconds) throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> topics = admin.describeTopics(admin.listTopics().names().get(seconds, TimeUnit.SECONDS))
                .allTopicNames().get(seconds, TimeUnit.SECONDS);
        // Committed offsets first, end offsets after: an end offset read later is never behind a commit read earlier.
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
        Map<String, String> groupStates = new TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(seconds, TimeUnit.SECONDS)) {
            groupStates.put(group.groupId(), group.groupState().map(Enum::name).orElse("UNKNOWN"));
            committed.put(group.groupId(), admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(seconds, TimeUnit.SECONDS));
        }
        Map<TopicPartition, OffsetSpec> request = topics.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get(seconds, TimeUnit.SECONDS);

        Map<String, Long> endByTopic = new TreeMap<>();
        ends.forEach((tp, info) -> endByTopic.merge(tp.topic(), info.offset(), Long::sum));
        List<TopicOffsets> offsets = endByTopic.entrySet().stream()
                .map(e -> new TopicOffsets(e.getKey(), topics.get(e.getKey()).partitions().size(), e.getValue())).toList();
        List<GroupLag> lags = new ArrayList<>();
        committed.forEach((group, partitions) -> lags.addAll(lags(group, partitions, ends)));
        return new KafkaStatus(offsets, List.copyOf(lags), Map.copyOf(groupStates));
    }

    /** A group's committed offsets and lag per topic, against end offsets read after the commits. */
    static List<GroupLag> lags(String group, Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, ListOffsetsResultInfo> ends) {
        Map<String, long[]> byTopic = new TreeMap<>();
        committed.forEach((tp, offset) -> {
            if (offset == null || !ends.containsKey(tp)) {
                return;
            }
            long[] sums = byTopic.computeIfAbsent(tp.topic(), t -> new long[2]);
            sums[0] += offset.offset();
            // Never below 0: a topic deleted and made again between the two reads (the tests' clean slate)
            // starts its end offsets afresh under an older commit.
            sums[1] += Math.max(0, ends.get(tp).offset() - offset.offset());
        });
        return byTopic.entrySet().stream().map(e -> new GroupLag(group, e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
