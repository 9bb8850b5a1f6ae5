package dev.kafkapipeline.watch.flow;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * The last reasons in each dead-letter topic, read from the header both write
 * paths put them in. It reads only records it has not seen, and only when a
 * topic's end offset says there are some; it joins no consumer group, so it
 * shows up nowhere in the flow it watches.
 */
public final class DeadLetterTail implements AutoCloseable {
    public static final String REASON_HEADER = Topics.DEAD_LETTER_REASON_HEADER;
    static final int KEPT = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private record Reason(long timestamp, String text) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> seenEnd = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<String, List<Reason>> reasons = new TreeMap<>();

    public DeadLetterTail(EnvConfig clients) {
        Properties props = KafkaSettings.consumer(clients, "unused");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "watch-dead-letters");
        // A few records at a time: the page's heap is 18 MB (a dead letter can be near a megabyte, and Kafka
        // still returns one whole when it is larger than these limits).
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 256 * 1024);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.consumer = new KafkaConsumer<>(props);
    }

    /** The last reasons of each dead-letter topic, newest first, brought up to date with these end offsets. */
    public Map<String, List<String>> reasons(Map<String, Long> endOffsets) {
        endOffsets.forEach((topic, end) -> {
            if (!topic.endsWith(Topics.DLQ_SUFFIX)) {
                return;
            }
            long seen = seenEnd.getOrDefault(topic, 0L);
            if (end < seen) {
                // The topic was deleted and made again: what was read of it is gone.
                forget(topic);
                seen = 0;
            }
            if (end > seen && read(topic)) {
                seenEnd.put(topic, end);
            }
        });
        Map<String, List<String>> texts = new TreeMap<>();
        reasons.forEach((topic, list) -> texts.put(topic, list.stream().map(Reason::text).toList()));
        return texts;
    }

    private void forget(String topic) {
        seenEnd.remove(topic);
        reasons.remove(topic);
        next.keySet().removeIf(tp -> tp.topic().equals(topic));
    }

    /** Reads the newest records of the topic it has not read yet; false when Kafka did not answer. */
    private boolean read(String topic) {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            consumer.assign(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long from = Math.max(next.getOrDefault(tp, 0L), ends.get(tp) - KEPT);
                if (from < ends.get(tp)) {
                    consumer.seek(tp, Math.max(from, 0));
                    remaining.put(tp, ends.get(tp));
                } else {
                    consumer.pause(List.of(tp));
                }
            }
            List<Reason> found = new ArrayList<>(reasons.getOrDefault(topic, List.of()));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    next.put(tp, record.offset() + 1);
                    Header header = record.headers().lastHeader(REASON_HEADER);
                    found.add(new Reason(record.timestamp(), header == null ? "(no reason header)"
                            : new String(header.value(), StandardCharsets.UTF_8)));
                    if (record.offset() + 1 >= remaining.getOrDefault(tp, Long.MAX_VALUE)) {
                        remaining.remove(tp);
                    }
                }
            }
            consumer.resume(consumer.paused());
            found.sort(Comparator.comparingLong(Reason::timestamp).reversed());
            reasons.put(topic, List.copyOf(found.subList(0, Math.min(KEPT, found.size()))));
            return remaining.isEmpty();
        } catch (KafkaException e) {
            return false;
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
