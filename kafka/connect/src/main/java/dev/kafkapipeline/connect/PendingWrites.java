package dev.kafkapipeline.connect;

import dev.kafkapipeline.cassandra.client.write.Rejection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The puts whose rows were handed to Cassandra and are not yet all
 * acknowledged, in the order Connect delivered them. A put is done once
 * Cassandra acknowledged every row and every record it could not take reached
 * the dead-letter queue; the offsets offered for commit never pass the first put
 * that is not done, so a committed offset always stands for a written (or
 * dead-lettered) record, while the task goes on taking records and keeps the
 * writer's window of requests full.
 *
 * <p>Used from the task's thread only: dead-letter reports are made there, as
 * Connect's reporter expects.
 */
final class PendingWrites {
    private final Deque<Put> puts = new ArrayDeque<>();
    private final Map<TopicPartition, Long> acknowledged = new HashMap<>();
    private final BiFunction<SinkRecord, Exception, Future<Void>> deadLetters;
    private long pendingRecords;

    /** @param deadLetters sends a record that Cassandra refused to the dead-letter queue */
    PendingWrites(BiFunction<SinkRecord, Exception, Future<Void>> deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * Remembers one put.
     *
     * @param write   completes when Cassandra acknowledged every row, with the rows it refused
     * @param reports dead-letter reports already made for records of this put
     */
    void add(Collection<SinkRecord> records, CompletableFuture<List<Rejection<SinkRecord>>> write, List<Future<Void>> reports) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (SinkRecord record : records) {
            next.merge(new TopicPartition(record.topic(), record.kafkaPartition()), record.kafkaOffset() + 1, Math::max);
        }
        puts.addLast(new Put(next, records.size(), write, new ArrayList<>(reports)));
        pendingRecords += records.size();
    }

    long pendingRecords() {
        return pendingRecords;
    }

    /** Retires every leading put that is done, without waiting. */
    void advance() {
        while (!puts.isEmpty() && puts.peekFirst().isDone(deadLetters)) {
            retire(puts.removeFirst());
        }
    }

    /**
     * Waits until at most {@code maxRecords} records are pending, oldest put
     * first: while Cassandra is down this is where the task stalls.
     */
    void awaitAtMost(long maxRecords) {
        advance();
        while (pendingRecords > maxRecords) {
            puts.peekFirst().await(deadLetters);
            retire(puts.removeFirst());
            advance();
        }
    }

    /** For each given partition with acknowledged records: the offset of the next record to read. */
    Map<TopicPartition, OffsetAndMetadata> committable(Set<TopicPartition> partitions) {
        advance();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long next = acknowledged.get(partition);
            if (next != null) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        }
        return offsets;
    }

    /**
     * Forgets the partitions taken from this task. Their records in puts still
     * pending are written all the same; whoever owns the partitions next reads
     * them again from the last commit.
     */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(acknowledged::remove);
    }

    private void retire(Put put) {
        put.nextOffsets.forEach((partition, next) -> acknowledged.merge(partition, next, Math::max));
        pendingRecords -= put.records;
    }

    private static final class Put {
        final Map<TopicPartition, Long> nextOffsets;
        final int records;
        final CompletableFuture<List<Rejection<SinkRecord>>> write;
        final List<Future<Void>> reports;
        boolean rejectionsReported;

        Put(Map<TopicPartition, Long> nextOffsets, int records, CompletableFuture<List<Rejection<SinkRecord>>> write,
                List<Future<Void>> reports) {
            this.nextOffsets = nextOffsets;
            this.records = records;
            this.write = write;
            this.reports = reports;
        }

        boolean isDone(BiFunction<SinkRecord, Exception, Future<Void>> deadLetters) {
            if (!write.isDone() || write.isCompletedExceptionally()) {
                return false;
            }
            reportRejections(deadLetters);
            for (Future<Void> report : reports) {
                if (!report.isDone()) {
                    return false;
                }
                get(report);
            }
            return true;
        }

        void await(BiFunction<SinkRecord, Exception, Future<Void>> deadLetters) {
            get(write);
            reportRejections(deadLetters);
            reports.forEach(Put::get);
        }

        private void reportRejections(BiFunction<SinkRecord, Exception, Future<Void>> deadLetters) {
            if (!rejectionsReported) {
                rejectionsReported = true;
                for (Rejection<SinkRecord> rejection : write.join()) {
                    reports.add(deadLetters.apply(rejection.source(), rejection.reason()));
                }
            }
        }

        private static <T> T get(Future<T> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("interrupted while waiting for Cassandra", e);
            } catch (ExecutionException e) {
                throw new ConnectException("write failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
