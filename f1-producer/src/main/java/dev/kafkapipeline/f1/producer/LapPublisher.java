package dev.kafkapipeline.f1.producer;

import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.f1.laps.Session;
import dev.kafkapipeline.f1.record.LapRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the scheduled laps to the topic, one record per lap keyed
 * {@code <session_key>/<driver>}. Waits for Kafka first (with backoff), so the
 * producer may start before the broker; stops early when asked (SIGTERM) and
 * always flushes what it sent.
 */
public final class LapPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(LapPublisher.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicInteger acknowledged = new AtomicInteger();

    public LapPublisher(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** Asks a running {@link #publish} to stop after the record in flight. */
    public void stop() {
        stop.countDown();
    }

    /**
     * Blocks until Kafka answers for the topic (a partition lookup), backing off
     * from 1 s to 15 s between tries, or until {@code deadline} passes.
     *
     * @return false when stopped or out of time
     */
    public boolean awaitKafka(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        long backoff = 1_000;
        while (true) {
            try {
                producer.partitionsFor(topic);
                return true;
            } catch (KafkaException e) {
                if (System.nanoTime() > end) {
                    LOG.error("Kafka did not answer for topic {} within {} s: {}", topic, deadline.toSeconds(), e.getMessage());
                    return false;
                }
                LOG.info("waiting for Kafka (topic {}): {}; next try in {} s", topic, e.getMessage(), backoff / 1000);
            }
            if (stop.await(backoff, TimeUnit.MILLISECONDS)) {
                return false;
            }
            backoff = Math.min(backoff * 2, 15_000);
        }
    }

    /** @return the number of laps Kafka acknowledged */
    public int publish(Session session, List<LapSchedule.Step> steps) throws InterruptedException {
        int total = steps.size();
        int sent = 0;
        long nextProgress = System.nanoTime();
        for (LapSchedule.Step step : steps) {
            if (stop.await(step.pause().toNanos(), TimeUnit.NANOSECONDS) || failure.get() != null) {
                break;
            }
            var record = new ProducerRecord<>(topic, LapRecord.key(session, step.lap()),
                    Json.toBytes(LapRecord.of(session, step.lap())));
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    acknowledged.incrementAndGet();
                }
            });
            sent++;
            if (System.nanoTime() >= nextProgress) {
                LOG.info("laps sent {} of {} ({} {} lap {})", sent, total, session.key(), step.lap().driver().code(), step.lap().number());
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused a lap record: " + failure.get().getMessage(), failure.get());
        }
        LOG.info("laps sent {} of {}; {} acknowledged by Kafka", sent, total, acknowledged.get());
        return acknowledged.get();
    }
}
