package dev.kafkapipeline.faker.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.common.producer.RecordSource;
import dev.kafkapipeline.common.rows.FakerColumn;
import dev.kafkapipeline.faker.FakerProducerMain;
import dev.kafkapipeline.faker.FakerSettings;
import dev.kafkapipeline.faker.FakerSource;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.testsupport.TopicRecords;
import dev.kafkapipeline.local.stack.NativeStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NativeStackTest
class FakerProducerStackTest {
    private static final List<String> COLUMNS = Arrays.stream(FakerColumn.values()).map(FakerColumn::column).toList();

    @Test
    void peopleArriveKeyedByNameWithTheSixteenColumns(NativeStack stack) {
        EnvConfig env = stack.serviceEnvironment().with(Map.of("SLEEP_TIME", "0"));
        FakerSource people = new FakerSource(new FakerSettings(Locale.US, OptionalLong.of(101), true));
        List<KeyedRecord> sent = Stream.generate(() -> people.next().orElseThrow()).limit(40).toList();

        ProducerLoop.Outcome outcome = new ProducerLoop(FakerProducerMain.producerSettings(env), RecordSource.of(sent.iterator())).run();
        assertEquals(new ProducerLoop.Outcome(40, 0), outcome);

        String tag = runTag(sent.get(0).key());
        try (TopicRecords topic = new TopicRecords(env, Topics.FAKER, key -> key.contains(tag))) {
            Map<String, Map<String, Object>> received = topic.awaitAtLeast(40, Duration.ofSeconds(60));
            assertEquals(40, received.size());
            for (KeyedRecord record : sent) {
                Map<String, Object> value = received.get(record.key());
                assertEquals(COLUMNS, List.copyOf(value.keySet()));
                assertEquals(record.key(), value.get("name"));
                assertEquals(record.fields().get("year"), value.get("year"));
                assertTrue(value.get("year") instanceof Integer, "year is a JSON number: " + value.get("year"));
                assertEquals(record.fields(), value);
            }
        }
    }

    /**
     * The service as ./pipeline runs it: started while Kafka is down it waits
     * (bounded log), produces once Kafka is up, and on SIGTERM flushes and exits
     * 0 with every record it counted as sent on the topic.
     */
    @Test
    void theServiceWaitsForKafkaAndOnSigtermFlushesAndExitsZero(NativeStack stack, @TempDir Path dir) throws Exception {
        Path output = dir.resolve("faker-producer.log");
        stack.stop("kafka");
        Process producer;
        try {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), FakerProducerMain.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("KAFKA_BROKER_URL", stack.kafkaBootstrap());
            builder.environment().put("SLEEP_TIME", "0.05");
            builder.environment().put("FAKER_SEED", "202");
            builder.environment().put("FAKER_UNIQUE_NAMES", "true");
            producer = builder.start();
            try {
                awaitOutput(output, "not reachable yet", producer, Duration.ofSeconds(60));
            } finally {
                stack.start("kafka");
            }
        } catch (RuntimeException | Error e) {
            stack.start("kafka");
            throw e;
        }
        try {
            EnvConfig env = stack.serviceEnvironment();
            String tag = awaitRunTag(output, producer, Duration.ofSeconds(120));
            try (TopicRecords topic = new TopicRecords(env, Topics.FAKER, key -> key.contains(tag))) {
                assertTrue(topic.awaitAtLeast(20, Duration.ofSeconds(60)).size() >= 20, "records arrive once Kafka is up");

                producer.destroy(); // SIGTERM
                assertTrue(producer.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
                assertEquals(0, producer.exitValue(), "exit status after SIGTERM\n" + read(output));

                Matcher stopped = Pattern.compile("stopped: (\\d+) records sent to faker, 0 failed").matcher(read(output));
                assertTrue(stopped.find(), read(output));
                int sent = Integer.parseInt(stopped.group(1));
                Map<String, Map<String, Object>> received = topic.awaitAtLeast(sent, Duration.ofSeconds(30));
                assertEquals(sent, received.size(), "every record the producer counted is on the topic");
                assertEquals(sent, topic.matching(), "and none twice");
            }
        } finally {
            producer.destroyForcibly();
        }
    }

    /** A SIGTERM while the service is still starting (Datafaker loads for seconds) is a clean stop too. */
    @Test
    void aSigtermDuringStartUpExitsZero(NativeStack stack, @TempDir Path dir) throws Exception {
        Path output = dir.resolve("faker-producer.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakerProducerMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("KAFKA_BROKER_URL", stack.kafkaBootstrap());
        Process producer = builder.start();
        try {
            awaitOutput(output, "fake people in locale", producer, Duration.ofSeconds(60));
            producer.destroy(); // SIGTERM
            assertTrue(producer.waitFor(60, TimeUnit.SECONDS), "stopped after SIGTERM");
            assertEquals(0, producer.exitValue(), "exit status after SIGTERM during start-up\n" + read(output));
        } finally {
            producer.destroyForcibly();
        }
    }

    /** The "#RUN-" part of a unique name "Ann Lee #RUN-7". */
    private static String runTag(String uniqueName) {
        return uniqueName.substring(uniqueName.lastIndexOf('#'), uniqueName.lastIndexOf('-') + 1);
    }

    private static String awaitRunTag(Path output, Process producer, Duration timeout) throws Exception {
        String line = awaitOutput(output, "sent to faker key=", producer, timeout);
        String key = line.substring(line.indexOf("key=") + 4, line.indexOf(" {"));
        return runTag(key);
    }

    /** The first output line containing {@code text}, polled until the deadline. */
    private static String awaitOutput(Path output, String text, Process producer, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : read(output).split("\n")) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (!producer.isAlive()) {
                throw new AssertionError("producer ended (exit " + producer.exitValue() + ") before printing '" + text + "':\n" + read(output));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + read(output));
    }

    private static String read(Path output) throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }
}
