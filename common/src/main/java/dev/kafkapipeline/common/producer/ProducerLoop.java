package dev.kafkapipeline.common.producer;

import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.log.RecordLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop every producer runs: wait for Kafka, then take a record from the
 * source, send it (key + flat JSON, idempotent, acks=all), pause SLEEP_TIME
 * (or the source's own pace: {@link RecordSource#pauseBeforeNext}), again,
 * until the source ends or {@link #stop()} is called; then flush what was sent
 * and close.
 *
 * <p>A service runs it with {@link #runAsService}, which turns SIGTERM into a
 * graceful stop and exit status 0. Tests and benchmarks call {@link #run()} and
 * {@link #stop()} directly.
 */
public final class ProducerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerLoop.class);
    private static final int PRINTED_PER_SECOND = 10;
    private static final long SUMMARY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final ProducerSettings settings;
    private final RecordSource source;
    private final BrokerWait brokerWait;
    private final RecordLog sentLog;
    private final RecordLog failedLog;
    private final AtomicLong failed = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Thread runner;
    /** Set once the loop flushes and closes; from then on stop() must not interrupt (that would cut the flush short). */
    private boolean closing;

    public ProducerLoop(ProducerSettings settings, RecordSource source) {
        this.settings = settings;
        this.source = source;
        this.brokerWait = new BrokerWait(settings.bootstrapServers(), settings.adminProperties());
        this.sentLog = new RecordLog(LOG::info, "sent to " + settings.topic(), PRINTED_PER_SECOND, SUMMARY_EVERY_NANOS, System::nanoTime);
        this.failedLog = new RecordLog(LOG::error, "could not send to " + settings.topic(), PRINTED_PER_SECOND, SUMMARY_EVERY_NANOS, System::nanoTime);
    }

    /** What a finished run did: records acknowledged by Kafka and records Kafka refused (each one logged). */
    public record Outcome(long sent, long failed) {}

    /**
     * Runs in the calling thread until the source ends or {@link #stop()} is
     * called, then flushes and closes the Kafka producer. Exceptions thrown by
     * the source end the run (after the flush) and propagate.
     */
    public Outcome run() {
        runner = Thread.currentThread();
        try {
            if (!stopping) {
                LOG.info("producing to topic {} at {}, pausing {} s between records", settings.topic(),
                        settings.bootstrapServers(), settings.pause().toMillis() / 1000.0);
                brokerWait.await();
                produce();
            }
        } catch (InterruptedException | InterruptException e) {
            // stop() interrupts whatever the loop was waiting for; what was sent is still flushed below.
        } finally {
            Thread.interrupted();
            sentLog.finish();
            failedLog.finish();
            LOG.info("stopped: {} records sent to {}, {} failed", sentLog.total(), settings.topic(), failed.get());
            finished.countDown();
        }
        return new Outcome(sentLog.total(), failed.get());
    }

    private void produce() throws InterruptedException {
        Producer<String, byte[]> producer = new KafkaProducer<>(settings.producerProperties());
        try {
            while (!stopping && source.hasMore()) {
                Optional<KeyedRecord> next = source.next();
                if (next.isPresent()) {
                    send(producer, next.get());
                }
                if (source.hasMore()) {
                    pause();
                }
            }
        } finally {
            synchronized (this) {
                closing = true;
            }
            // An interrupted thread would make close() give up at once instead of flushing what was sent.
            Thread.interrupted();
            producer.close(CLOSE_TIMEOUT);
        }
    }

    private void send(Producer<String, byte[]> producer, KeyedRecord record) {
        byte[] value = Json.toBytes(record.fields());
        producer.send(new ProducerRecord<>(settings.topic(), record.key(), value), (metadata, error) -> {
            if (error == null) {
                sentLog.record(record.key(), () -> new String(value, StandardCharsets.UTF_8));
            } else {
                failed.incrementAndGet();
                failedLog.record(record.key(), error::toString);
            }
        });
    }

    private void pause() throws InterruptedException {
        Duration pause = source.pauseBeforeNext(settings.pause());
        if (!pause.isZero()) {
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
        }
    }

    /** Asks the loop to stop; returns at once. Records already sent are flushed before {@link #run()} returns. */
    public void stop() {
        stopping = true;
        interruptUnlessClosing();
    }

    private synchronized void interruptUnlessClosing() {
        Thread thread = runner;
        if (thread != null && !closing && finished.getCount() > 0) {
            thread.interrupt();
        }
    }

    /**
     * Stops the loop and waits for it to flush and finish. The interrupt is
     * repeated until the loop notices: a library (an HTTP client, say) may
     * swallow one.
     */
    public boolean stopAndAwait(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        stop();
        while (!finished.await(200, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            interruptUnlessClosing();
        }
        return true;
    }

    /** Failed tries to reach Kafka so far (for tests of the start-up wait). */
    public int brokerWaitFailures() {
        return brokerWait.failedAttempts();
    }

    /**
     * Runs the loop as a service's main: SIGTERM (a shutdown hook) stops it,
     * waits for the flush and exits 0. A source that ends (a finite replay) ends
     * the run normally; its outcome is returned, so the service can choose its
     * exit status (a replay whose records Kafka refused should not exit 0).
     */
    public static Outcome runAsService(ProducerSettings settings, RecordSource source) {
        ProducerLoop loop = new ProducerLoop(settings, source);
        Thread hook = new Thread(() -> {
            if (loop.finished.getCount() == 0) {
                return; // the process ends on its own; keep its exit status
            }
            LOG.info("SIGTERM: stopping, flushing what was sent");
            try {
                boolean done = loop.stopAndAwait(CLOSE_TIMEOUT.plusSeconds(5));
                // A JVM ended by SIGTERM exits 143; a clean stop is a success, so say 0.
                Runtime.getRuntime().halt(done ? 0 : 1);
            } catch (InterruptedException e) {
                Runtime.getRuntime().halt(1);
            }
        }, "producer-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return loop.run();
    }
}
