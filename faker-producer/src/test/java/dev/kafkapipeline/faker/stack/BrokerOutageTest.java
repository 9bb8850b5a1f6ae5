package dev.kafkapipeline.faker.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.common.producer.RecordSource;
import dev.kafkapipeline.faker.FakerProducerMain;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.FakerRecords;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.testsupport.TopicRecords;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A broker SIGKILLed while a producer streams: the idempotent producer keeps
 * what it was given and sends it once the broker is back, so every record it
 * counted as sent is on the topic, once; and it says when Kafka went quiet
 * and when it answered again, one line each.
 */
@NativeStackTest
class BrokerOutageTest {

    @Test
    void aBrokerKilledMidStreamLosesNoRecordTheProducerCountedAsSent(NativeStack stack) throws Exception {
        EnvConfig env = stack.serviceEnvironment().with(Map.of("SLEEP_TIME", "0.01"));
        String run = "outage-" + UUID.randomUUID() + "-";
        AtomicInteger handedOver = new AtomicInteger();
        RecordSource unique = () -> {
            String name = run + handedOver.getAndIncrement();
            return Optional.of(new KeyedRecord(name, FakerRecords.person(name, handedOver.get())));
        };
        Logger loopLog = (Logger) LoggerFactory.getLogger(ProducerLoop.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        loopLog.addAppender(logged);
        ProducerLoop loop = new ProducerLoop(FakerProducerMain.producerSettings(env), unique);
        CompletableFuture<ProducerLoop.Outcome> streaming = CompletableFuture.supplyAsync(loop::run);
        try {
            Eventually.holds("records handed over before the kill", Duration.ofSeconds(60), () -> handedOver.get() > 200);
            stack.kill("kafka");
            Eventually.holds("the producer saying Kafka went quiet", Duration.ofSeconds(60),
                    () -> said(logged, "has acknowledged nothing"));
            stack.start("kafka");
            Eventually.holds("the producer saying Kafka answers again", Duration.ofSeconds(120),
                    () -> said(logged, "acknowledges again"));
            int atRecovery = handedOver.get();
            Eventually.holds("records handed over after the recovery", Duration.ofSeconds(60), () -> handedOver.get() > atRecovery + 200);
        } finally {
            loop.stop();
        }
        ProducerLoop.Outcome outcome = streaming.get(2, TimeUnit.MINUTES);
        loopLog.detachAppender(logged);

        assertEquals(0, outcome.failed(), "records Kafka refused");
        assertTrue(outcome.sent() > 400, "records sent: " + outcome.sent());
        try (TopicRecords topic = new TopicRecords(env, Topics.FAKER, key -> key.startsWith(run))) {
            Map<String, Map<String, Object>> received = topic.awaitAtLeast((int) outcome.sent(), Duration.ofSeconds(60));
            assertEquals(outcome.sent(), received.size(), "every record counted as sent is on the topic");
            assertEquals(outcome.sent(), topic.matching(), "and none of them twice (the idempotent producer's retries)");
        }
        List<String> outageLines = logged.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains("has acknowledged nothing") || line.contains("acknowledges again")).toList();
        assertEquals(2, outageLines.size(), outageLines.toString());
    }

    private static boolean said(ListAppender<ILoggingEvent> logged, String words) {
        return List.copyOf(logged.list).stream().anyMatch(event -> event.getFormattedMessage().contains(words));
    }
}
