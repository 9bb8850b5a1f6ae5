package dev.kafkapipeline.consumers;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.testsupport.KafkaOffsets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/** What a sink path made of the records of a test: the rows in its table, the records in the dead-letter topic. */
final class SinkOutcomes {
    /** Kafka Connect's dead-letter queue names the connector; the consumers, being none, do not. */
    static final String CONNECTOR_NAME = "__connect.errors.connector.name";
    static final String MESSAGE = "__connect.errors.exception.message";
    static final String EXCEPTION = "__connect.errors.exception.class.name";
    static final String TOPIC = "__connect.errors.topic";

    /** A record as it reached {@code <topic>.dlq}: its key and bytes, the reason, and which path sent it. */
    record DeadLetter(String key, byte[] value, String reason, String exception, String sourceTopic, boolean fromConnect) {}

    private SinkOutcomes() {}

    /** Each row of the table whose id starts with the prefix: id to column values, as the driver reads them. */
    static Map<String, Map<String, Object>> rows(CqlSession session, String table, List<String> columns, String idPrefix) {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT " + String.join(", ", columns) + " FROM " + table)
                .setPageSize(5000))) {
            String id = row.getString("id");
            if (id.startsWith(idPrefix)) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (String column : columns) {
                    values.put(column, row.getObject(column));
                }
                rows.put(id, values);
            }
        }
        return rows;
    }

    /** Every record of the dead-letter topic, read from its start to its end as of now. */
    static List<DeadLetter> deadLetters(EnvConfig env, String bootstrap, String deadLetterTopic, Duration timeout) {
        Map<TopicPartition, Long> end = KafkaOffsets.end(bootstrap, deadLetterTopic);
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(KafkaSettings.consumer(env, "dlq-reader-" + UUID.randomUUID()))) {
            reader.assign(end.keySet());
            reader.seekToBeginning(end.keySet());
            long deadline = System.nanoTime() + timeout.toNanos();
            while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + deadLetterTopic + " to its end within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    letters.add(new DeadLetter(record.key(), record.value(), header(record, MESSAGE), header(record, EXCEPTION),
                            header(record, TOPIC), record.headers().lastHeader(CONNECTOR_NAME) != null));
                }
            }
        }
        return letters;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
