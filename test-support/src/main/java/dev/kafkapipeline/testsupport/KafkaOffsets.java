package dev.kafkapipeline.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What a sink test checks commits against: a topic's end offsets and a consumer group's committed offsets. */
public final class KafkaOffsets {
    private KafkaOffsets() {
    }

    /** The offset the next record of each partition of the topic will get. */
    public static Map<TopicPartition, Long> end(String bootstrap, String topic) {
        try (Admin admin = admin(bootstrap)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (InterruptedException | ExecutionException e) {
            throw failed("reading the end offsets of " + topic, e);
        }
    }

    /** The group's committed offsets; partitions without a commit are absent. */
    public static Map<TopicPartition, OffsetAndMetadata> committed(String bootstrap, String group) {
        try (Admin admin = admin(bootstrap)) {
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((tp, offset) -> {
                if (offset != null) {
                    committed.put(tp, offset);
                }
            });
            return committed;
        } catch (InterruptedException | ExecutionException e) {
            throw failed("reading the committed offsets of group " + group, e);
        }
    }

    /** Sets the group's committed offsets (the group must have no active member). */
    public static void commit(String bootstrap, String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> request = new HashMap<>();
        offsets.forEach((tp, offset) -> request.put(tp, new OffsetAndMetadata(offset)));
        try (Admin admin = admin(bootstrap)) {
            admin.alterConsumerGroupOffsets(group, request).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw failed("committing offsets of group " + group, e);
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static IllegalStateException failed(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
}
