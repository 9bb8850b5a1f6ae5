package dev.kafkapipeline.testsupport;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * What a producer's integration test reads back: a topic from the start, with a
 * fresh consumer group, keeping the records whose key matches (the stack is
 * shared, so a test picks out its own records by key).
 */
public final class TopicRecords implements AutoCloseable {
    /** One matching record as read: its key and its JSON value as an ordered map. */
    public record Received(String key, Map<String, Object> value) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Predicate<String> keys;
    private final Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
    private final List<Received> inOrder = new ArrayList<>();

    public TopicRecords(EnvConfig env, String topic, Predicate<String> keys) {
        this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(env, "test-" + UUID.randomUUID()));
        this.consumer.subscribe(List.of(topic));
        this.keys = keys;
    }

    /** Polls until {@code count} matching records were read or the deadline passed; returns them by key (last wins). */
    public Map<String, Map<String, Object>> awaitAtLeast(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inOrder.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.key() != null && keys.test(record.key())) {
                    Map<String, Object> value = Json.readObject(record.value());
                    inOrder.add(new Received(record.key(), value));
                    byKey.put(record.key(), value);
                }
            }
        }
        return Collections.unmodifiableMap(byKey);
    }

    /** Matching records read so far, duplicates included. */
    public int matching() {
        return inOrder.size();
    }

    /**
     * Every matching record read so far, duplicates included, in the order read:
     * within a key (one partition) that is the order they were sent.
     */
    public List<Received> received() {
        return Collections.unmodifiableList(inOrder);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
