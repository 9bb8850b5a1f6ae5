package dev.kafkapipeline.owm.stack;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Reads a topic from the start with a fresh consumer group, keeping the records whose key matches, by key. */
final class TopicRecords implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Predicate<String> keys;
    private final Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    private int matching;

    TopicRecords(EnvConfig env, String topic, Predicate<String> keys) {
        this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(env, "test-" + UUID.randomUUID()));
        this.consumer.subscribe(List.of(topic));
        this.keys = keys;
    }

    /** Polls until {@code count} matching records were read or the deadline passed; returns them by key (last wins). */
    Map<String, Map<String, Object>> awaitAtLeast(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.key() != null && keys.test(record.key())) {
                    matching++;
                    byKey.put(record.key(), Json.readObject(record.value()));
                }
            }
        }
        return byKey;
    }

    /** Matching records read so far, duplicates included. */
    int matching() {
        return matching;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
