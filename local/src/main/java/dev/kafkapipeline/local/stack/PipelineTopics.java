package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.common.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The pipeline's topics and their dead-letter twins, created where missing
 * with TOPIC_PARTITIONS partitions each, replicated as the topology says
 * (the brokers' min.insync.replicas applies to them).
 */
final class PipelineTopics {
    private PipelineTopics() {}

    /** Returns the names of every topic it made sure of. */
    static List<String> create(StackSettings settings) {
        List<NewTopic> topics = new ArrayList<>();
        short replicas = (short) settings.topology().replicationFactor();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, settings.topicPartitions(), replicas));
            topics.add(new NewTopic(Topics.deadLetterTopic(topic), settings.topicPartitions(), replicas)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.DEAD_LETTER_MAX_BYTES))));
        }
        try (Admin admin = KafkaBroker.admin(settings, Duration.ofSeconds(30))) {
            var results = admin.createTopics(topics).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackStartException("creating topic " + entry.getKey() + " failed: " + e.getCause().getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while creating topics");
        } catch (TimeoutException e) {
            throw new StackStartException("creating topics timed out; log: "
                    + settings.logDirectory().resolve(KafkaBroker.members(settings.topology()).get(0).name() + ".log"));
        }
        return topics.stream().map(NewTopic::name).toList();
    }
}
