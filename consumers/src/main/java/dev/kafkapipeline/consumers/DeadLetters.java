package dev.kafkapipeline.consumers;

import dev.kafkapipeline.common.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/**
 * Sends a record that cannot be written to {@code <topic>.dlq}, unchanged, with
 * the reason in the same headers Kafka Connect's dead-letter queue uses, so a
 * reader of the DLQ sees one format whichever path dead-lettered the record.
 */
final class DeadLetters {
    static final String TOPIC = "__connect.errors.topic";
    static final String PARTITION = "__connect.errors.partition";
    static final String OFFSET = "__connect.errors.offset";
    static final String EXCEPTION = "__connect.errors.exception.class.name";
    static final String MESSAGE = Topics.DEAD_LETTER_REASON_HEADER;

    private final Producer<String, byte[]> producer;

    DeadLetters(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    Future<RecordMetadata> send(ConsumerRecord<String, byte[]> record, Exception reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.deadLetterTopic(record.topic()), null,
                record.timestamp(), record.key(), record.value());
        record.headers().forEach(letter.headers()::add);
        Headers headers = letter.headers();
        headers.add(TOPIC, utf8(record.topic()));
        headers.add(PARTITION, utf8(String.valueOf(record.partition())));
        headers.add(OFFSET, utf8(String.valueOf(record.offset())));
        headers.add(EXCEPTION, utf8(reason.getClass().getName()));
        headers.add(MESSAGE, utf8(String.valueOf(reason.getMessage())));
        return producer.send(letter);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
