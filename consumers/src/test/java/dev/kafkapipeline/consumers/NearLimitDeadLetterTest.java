package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.service.ServiceExit;
import dev.kafkapipeline.common.service.ServiceRunner;
import dev.kafkapipeline.local.stack.ConnectRest;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.FakerRecords;
import dev.kafkapipeline.testsupport.NativeStackTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A record near Kafka's default size limit that the sinks must reject (a text
 * value far over the limit of one value): its dead letter is the whole record
 * plus headers, larger than the record itself. Both paths still deliver it to
 * faker.dlq unchanged and go on to the next record.
 */
@NativeStackTest
class NearLimitDeadLetterTest {
    /** Bytes of the record's value: the topic takes it (Kafka's default limit is 1,048,588 bytes a batch), its dead letter is larger. */
    private static final int NEAR_LIMIT = 1_048_300;

    @Test
    void aRejectedRecordNearTheSizeLimitStillReachesTheDeadLetterTopicOnBothPaths(NativeStack stack) throws Exception {
        EnvConfig env = stack.serviceEnvironment();
        String big = "near-limit-" + UUID.randomUUID();
        String after = "after-" + big;
        Map<String, Object> bigRecord = FakerRecords.person(big, 1);
        bigRecord.put("city", "");
        bigRecord.put("city", "x".repeat(NEAR_LIMIT - Json.toBytes(bigRecord).length));
        byte[] bigValue = Json.toBytes(bigRecord);
        assertEquals(NEAR_LIMIT, bigValue.length);
        Properties producerProperties = KafkaSettings.producer(env, "near-limit");
        producerProperties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * NEAR_LIMIT);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties)) {
            producer.send(new ProducerRecord<>(Topics.FAKER, big, bigValue)).get(60, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.FAKER, after, Json.toBytes(FakerRecords.person(after, 2)))).get(60, TimeUnit.SECONDS);
        }

        stack.registerSinks();
        ServiceRunner consumers = ConsumersMain.runner();
        CompletableFuture<ServiceExit> consumersRun = CompletableFuture.supplyAsync(() -> consumers.run(env.with(Map.of(
                "TOPIC_NAME", Topics.FAKER, "CONSUMER_GROUP", "near-limit-" + UUID.randomUUID()))));
        try {
            List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
            try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(KafkaSettings.consumer(env, "dlq-" + UUID.randomUUID()));
                    CqlSession session = CassandraSessions.open(stack.cassandraSettings())) {
                reader.subscribe(List.of(Topics.deadLetterTopic(Topics.FAKER)));
                Eventually.holds("a dead letter from each path, and the next record's row", Duration.ofSeconds(120), () -> {
                    reader.poll(Duration.ofMillis(500)).forEach(record -> {
                        if (big.equals(record.key())) {
                            letters.add(record);
                        }
                    });
                    assertTrue(!consumersRun.isDone(), "the consumers stopped: " + consumersRun.getNow(null));
                    return letters.size() >= 2 && FakerRecords.rowsNamed(session, after) == 1;
                });
            }
            assertEquals(2, letters.size(), "one dead letter per path");
            for (ConsumerRecord<String, byte[]> letter : letters) {
                assertTrue(java.util.Arrays.equals(bigValue, letter.value()), "the dead letter is the record unchanged");
            }
            assertEquals("RUNNING", new ConnectRest(stack.connectUrl()).taskState("faker-sink"));
        } finally {
            consumers.stop();
            consumersRun.get(60, TimeUnit.SECONDS);
        }
    }
}
