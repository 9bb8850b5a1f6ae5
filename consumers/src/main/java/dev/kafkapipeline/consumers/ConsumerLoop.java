package dev.kafkapipeline.consumers;

import dev.kafkapipeline.cassandra.client.write.CassandraWriter;
import dev.kafkapipeline.cassandra.client.write.RejectedRecordException;
import dev.kafkapipeline.cassandra.client.write.Rejection;
import dev.kafkapipeline.cassandra.client.write.Row;
import dev.kafkapipeline.common.log.RecordLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a batch, writes its rows, sends its bad records to the dead-letter
 * topics, and only then commits the batch's offsets: a committed offset always
 * stands for a written (or dead-lettered) record. While Cassandra is down the
 * writer retries and the loop waits. {@link #stop()} lets the current batch
 * finish and commit; if Cassandra stays down longer than the grace period, the
 * loop leaves without committing, and the records are read again next time.
 */
public final class ConsumerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Logger READ = LoggerFactory.getLogger("dev.kafkapipeline.consumers.read");
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long SUMMARY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Consumer<String, byte[]> consumer;
    private final DeadLetters deadLetters;
    private final CassandraWriter writer;
    private final int loggedPerSecond;
    private final Map<String, RecordLog> readLogs = new HashMap<>();
    private final Duration shutdownGrace;
    private volatile boolean stopping;
    private volatile long stopRequestedNanos;
    private long written;
    private long deadLettered;

    public ConsumerLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetterProducer,
            CassandraWriter writer, int loggedPerSecond, Duration shutdownGrace) {
        this.consumer = consumer;
        this.deadLetters = new DeadLetters(deadLetterProducer);
        this.writer = writer;
        this.loggedPerSecond = loggedPerSecond;
        this.shutdownGrace = shutdownGrace;
    }

    /** Asks the loop to finish its batch, commit and return; safe from any thread. Asking again keeps the first grace period. */
    public synchronized void stop() {
        if (!stopping) {
            stopRequestedNanos = System.nanoTime();
            stopping = true;
        }
    }

    public void run(List<String> topics) {
        consumer.subscribe(topics);
        LOG.info("Consuming {} into Cassandra", topics);
        try {
            while (!stopping) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    process(records);
                }
            }
        } catch (ShutdownTimeout e) {
            LOG.warn("Stopped before Cassandra acknowledged the last batch; it will be read again on the next start");
        } finally {
            readLogs.values().forEach(RecordLog::finish);
            LOG.info("Stopped after writing {} rows and dead-lettering {} records", written, deadLettered);
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        List<Row<ConsumerRecord<String, byte[]>>> rows = new ArrayList<>(records.count());
        List<Future<?>> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Map<String, Object> value = writer.read(record.value());
                readLog(record.topic()).record(record.key(), value::toString);
                rows.addAll(writer.rows(record.topic(), record, record.key(), value));
            } catch (RejectedRecordException e) {
                letters.add(deadLetter(record, e));
            }
        }
        for (Rejection<ConsumerRecord<String, byte[]>> rejection : await(writer.write(rows))) {
            letters.add(deadLetter(rejection.source(), rejection.reason()));
        }
        for (Future<?> letter : letters) {
            await(letter);
        }
        written += rows.size();
        commit(records);
    }

    /** Each topic's records are logged and summarised on their own, as the original had a consumer per topic. */
    private RecordLog readLog(String topic) {
        return readLogs.computeIfAbsent(topic, t -> new RecordLog(READ::info, "read from " + t, loggedPerSecond,
                SUMMARY_EVERY_NANOS, System::nanoTime));
    }

    private Future<?> deadLetter(ConsumerRecord<String, byte[]> record, Exception reason) {
        LOG.warn("Record {}-{}@{} goes to the dead-letter queue: {}", record.topic(), record.partition(),
                record.offset(), reason.getMessage());
        deadLettered++;
        return deadLetters.send(record, reason);
    }

    private void commit(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> batch = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException e) {
            // The partitions moved to another member meanwhile; it re-reads them, and the upserts are idempotent.
            LOG.warn("Offsets not committed after a rebalance; the new owner writes those records again: {}", e.getMessage());
        }
    }

    private <T> T await(Future<T> future) {
        while (true) {
            try {
                return future.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (stopping && System.nanoTime() - stopRequestedNanos > shutdownGrace.toNanos()) {
                    throw new ShutdownTimeout();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShutdownTimeout();
            } catch (ExecutionException e) {
                throw new IllegalStateException("write failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private static final class ShutdownTimeout extends RuntimeException {
        ShutdownTimeout() {
            super(null, null, false, false);
        }
    }
}
