package dev.kafkapipeline.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.testsupport.PipelineRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The page's server as {@code ./pipeline up} starts it, in its own JVM with the
 * small heap the stack gives it, fed the largest dead letters the topics take:
 * a dozen of 2 MB in each dead-letter topic. Kafka hands such a record over
 * whole, whatever the tail's fetch limits, so a heap sized too tight for them
 * would end the server here; it must show each topic's newest reasons and keep
 * running.
 */
@NativeStackTest
class NearLimitDeadLettersTest {
    private static final List<String> DEAD_LETTER_TOPICS = List.of("faker.dlq", "weather.dlq", "fastf1.dlq");
    private static final int PER_TOPIC = 12;
    /** As large as a dead letter may be, less room for the record's own framing. */
    private static final int VALUE_BYTES = Topics.DEAD_LETTER_MAX_BYTES - 4096;
    private static final Duration SHOWN = Duration.ofSeconds(90);

    @Test
    void thePageShowsTheNewestReasonsOfTheLargestDeadLettersAndKeepsServing(NativeStack stack) throws Exception {
        EnvConfig env = PipelineRun.environment(stack, List.of("watch"));
        try {
            assertEquals(0, PipelineRun.run(env, "up"), "up with the page's server");
            String page = "http://127.0.0.1:" + stack.settings().ports().watch() + "/";
            sendNearLimitDeadLetters(stack.serviceEnvironment());

            String flow = awaitFlowNaming(page, DEAD_LETTER_TOPICS.stream().map(NearLimitDeadLettersTest::newestReason).toList());
            for (String topic : DEAD_LETTER_TOPICS) {
                assertTrue(flow.contains(newestReason(topic)), topic + "'s newest reason on the page: " + flow);
            }
            assertTrue(stack.process("watch").running().isPresent(), "the page's server still runs");
            String log = Files.readString(stack.logFile("watch"));
            assertFalse(log.contains("OutOfMemoryError"), log);
        } finally {
            stack.stop("watch");
        }
    }

    private static String newestReason(String topic) {
        return "near-limit " + topic + " " + (PER_TOPIC - 1);
    }

    private static void sendNearLimitDeadLetters(EnvConfig env) throws Exception {
        Random random = new Random(7);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.deadLetterProducer(env, "near-limit-dead-letters"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : DEAD_LETTER_TOPICS) {
                for (int i = 0; i < PER_TOPIC; i++) {
                    // Random bytes, so that no compression makes them small on the way.
                    byte[] value = new byte[VALUE_BYTES];
                    random.nextBytes(value);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, i % 3, "key-" + i, value);
                    record.headers().add(Topics.DEAD_LETTER_REASON_HEADER, ("near-limit " + topic + " " + i).getBytes(StandardCharsets.UTF_8));
                    producer.send(record).get();
                }
            }
        }
    }

    /** Reads the page's event stream until a flow update names every text, or the deadline passes; the last flow update. */
    private static String awaitFlowNaming(String page, List<String> texts) throws Exception {
        long deadline = System.nanoTime() + SHOWN.toNanos();
        String last = "";
        HttpURLConnection connection = (HttpURLConnection) URI.create(page + "events").toURL().openConnection();
        connection.setReadTimeout(5000);
        try (BufferedReader events = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String event = "";
            while (System.nanoTime() < deadline) {
                String line;
                try {
                    line = events.readLine();
                } catch (SocketTimeoutException e) {
                    continue;
                }
                assertTrue(line != null, "the page's event stream ended");
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && event.equals("flow")) {
                    last = line;
                    if (texts.stream().allMatch(line::contains)) {
                        return line;
                    }
                }
            }
        } finally {
            connection.disconnect();
        }
        return last;
    }
}
