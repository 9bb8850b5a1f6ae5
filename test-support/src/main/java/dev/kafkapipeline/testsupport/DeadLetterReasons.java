package dev.kafkapipeline.testsupport;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/** What a sink test reads back from a topic's dead-letter twin: each record's key and the reason in its header. */
public final class DeadLetterReasons {
    /** The header Kafka Connect's dead-letter queue writes the reason into; the consumers write the same. */
    public static final String MESSAGE = Topics.DEAD_LETTER_REASON_HEADER;

    private DeadLetterReasons() {}

    /**
     * Reads {@code <topic>.dlq} from the start with a fresh group until {@code expected} records whose key
     * starts with the prefix were found or the timeout passed; returns their reasons by key.
     */
    public static Map<String, String> read(EnvConfig env, String topic, String keyPrefix, int expected, Duration timeout) {
        Map<String, String> reasons = new HashMap<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(KafkaSettings.consumer(env, "dlq-reader-" + UUID.randomUUID()))) {
            reader.subscribe(List.of(Topics.deadLetterTopic(topic)));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (reasons.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    Header message = record.headers().lastHeader(MESSAGE);
                    if (record.key() != null && record.key().startsWith(keyPrefix) && message != null) {
                        reasons.put(record.key(), new String(message.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return reasons;
    }
}
