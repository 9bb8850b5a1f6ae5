package dev.kafkapipeline.local.chaos;

import dev.kafkapipeline.local.stack.Poll;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** What a fault run asks the broker: a topic's end offsets, and how far each path's consumer group has committed. */
final class GroupOffsets implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final String topic;

    GroupOffsets(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis());
        this.admin = Admin.create(props);
        this.topic = topic;
    }

    /** The offset the next record of each partition will get. */
    Map<TopicPartition, Long> end() {
        int partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> end = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((partition, info) -> end.put(partition, info.offset()));
        return end;
    }

    /** The node id of each partition's leader (-1 while it has none). */
    Map<Integer, Integer> leaders() {
        Map<Integer, Integer> leaders = new HashMap<>();
        get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().forEach(partition ->
                leaders.put(partition.partition(), partition.leader() == null || partition.leader().isEmpty() ? -1 : partition.leader().id()));
        return leaders;
    }

    /** Sets a group without members to start at these offsets, so that a new path skips what the topic held before the run. */
    void startAt(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> request = new HashMap<>();
        offsets.forEach((partition, offset) -> request.put(partition, new OffsetAndMetadata(offset)));
        get(admin.alterConsumerGroupOffsets(group, request).all());
    }

    Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** Records of the topic the group has not committed yet: read and not yet written, or not read yet. */
    static long lag(Map<TopicPartition, Long> end, Map<TopicPartition, Long> committed) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            lag += Math.max(0, partition.getValue() - committed.getOrDefault(partition.getKey(), 0L));
        }
        return lag;
    }

    /** Whether the group has committed anything beyond these offsets: it has written and committed at least once. */
    static boolean committedPast(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> start) {
        return committed.entrySet().stream().anyMatch(e -> e.getValue() > start.getOrDefault(e.getKey(), 0L));
    }

    /**
     * Deletes a group; one that Connect still holds for a moment after its
     * connector is deleted is tried again until the deadline.
     */
    boolean delete(String group, Duration deadline) {
        return Poll.until(() -> {
            try {
                admin.deleteConsumerGroups(List.of(group)).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException e) {
                return e.getCause() instanceof GroupIdNotFoundException;
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }, deadline, Duration.ofMillis(500));
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer within " + CALL_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
