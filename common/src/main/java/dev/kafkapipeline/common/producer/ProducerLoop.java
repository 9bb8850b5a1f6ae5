package dev.kafkapipeline.common.producer;

import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.log.RecordLog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop every producer runs: let the source prepare (the F1 producer
 * fetches its session), wait for Kafka, then take a record from the source,
 * send it (key + flat JSON, idempotent, acks=all), pause SLEEP_TIME (or the
 * source's own pace: {@link RecordSource#pauseBeforeNext}), again, until the
 * source ends or {@link #stop()} is called; then flush what was sent and close.
 *
 * <p>A service runs it as a {@link ProducerService}, through the common
 * service runner. Tests and benchmarks call {@link #run()} and {@link #stop()}
 * directly.
 */
public final class ProducerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerLoop.class);
    private static final int PRINTED_PER_SECOND = 10;
    private static final long SUMMARY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Longer than a healthy broker ever takes to acknowledge (linger and a round trip), short enough to say so while it matters. */
    private static final Duration ACK_SILENCE = Duration.ofSeconds(5);

    private final ProducerSettings settings;
    private final RecordSource source;
    private final BrokerWait brokerWait;
    private final RecordLog sentLog;
    private final RecordLog failedLog;
    private final AckWatch ackWatch;
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean stopping;
    /** The thread in run(), which stop() interrupts; null before and after, so no other work is ever interrupted. */
    private Thread runner;
    /** Set once the loop flushes and closes; from then on stop() must not interrupt (that would cut the flush short). */
    private boolean closing;

    public ProducerLoop(ProducerSettings settings, RecordSource source) {
        this.settings = settings;
        this.source = source;
        this.brokerWait = new BrokerWait(settings.bootstrapServers(), settings.adminProperties());
        this.sentLog = new RecordLog(LOG::info, "sent to " + settings.topic(), PRINTED_PER_SECOND, SUMMARY_EVERY_NANOS, System::nanoTime);
        this.ackWatch = new AckWatch(settings.bootstrapServers(), ACK_SILENCE, System::nanoTime, LOG::warn);
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
        synchronized (this) {
            runner = Thread.currentThread();
        }
        try {
            if (!stopping) {
                LOG.info("producing to topic {} at {}, pausing {} s between records", settings.topic(),
                        settings.bootstrapServers(), settings.pause().toMillis() / 1000.0);
                source.prepare();
                brokerWait.await();
                produce();
            }
        } catch (InterruptedException | InterruptException e) {
            // stop() interrupts whatever the loop was waiting for; what was sent is still flushed below.
        } finally {
            synchronized (this) {
                runner = null;
            }
            // An interrupt that stop() sent before the line above is for this loop, not for the caller's next work.
            Thread.interrupted();
            sentLog.finish();
            failedLog.finish();
            LOG.info("stopped: {} records sent to {}, {} failed", sentLog.total(), settings.topic(), failed.get());
        }
        return new Outcome(sentLog.total(), failed.get());
    }

    private void produce() throws InterruptedException {
        Producer<String, byte[]> producer = new KafkaProducer<>(settings.producerProperties());
        ScheduledExecutorService watching = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ack-watch");
            thread.setDaemon(true);
            return thread;
        });
        watching.scheduleAtFixedRate(ackWatch::check, 1, 1, TimeUnit.SECONDS);
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
            watching.shutdownNow();
        }
    }

    private void send(Producer<String, byte[]> producer, KeyedRecord record) {
        byte[] value = Json.toBytes(record.fields());
        ackWatch.handedOver();
        producer.send(new ProducerRecord<>(settings.topic(), record.key(), value), (metadata, error) -> {
            ackWatch.settled();
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

    /**
     * Asks the loop to stop; returns at once. Records already sent are flushed
     * before {@link #run()} returns. Each call interrupts what the loop waits for
     * (Kafka, a pause, the source), so a caller repeats it until run returns: a
     * library (an HTTP client, say) may swallow one interrupt.
     */
    public void stop() {
        stopping = true;
        interruptUnlessClosing();
    }

    private synchronized void interruptUnlessClosing() {
        if (runner != null && !closing) {
            runner.interrupt();
        }
    }

    /** Failed tries to reach Kafka so far (for tests of the start-up wait). */
    public int brokerWaitFailures() {
        return brokerWait.failedAttempts();
    }
}
