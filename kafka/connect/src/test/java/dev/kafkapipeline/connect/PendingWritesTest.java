package dev.kafkapipeline.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kafkapipeline.cassandra.client.write.RejectedRecordException;
import dev.kafkapipeline.cassandra.client.write.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class PendingWritesTest {
    private static final TopicPartition P0 = new TopicPartition("faker", 0);
    private static final TopicPartition P1 = new TopicPartition("faker", 1);

    private final List<SinkRecord> reported = new ArrayList<>();
    private final List<CompletableFuture<Void>> reports = new ArrayList<>();
    private final PendingWrites pending = new PendingWrites((record, reason) -> {
        reported.add(record);
        CompletableFuture<Void> report = new CompletableFuture<>();
        reports.add(report);
        return report;
    });

    private static List<SinkRecord> records(TopicPartition partition, long first, long last) {
        return LongStream.rangeClosed(first, last)
                .mapToObj(offset -> new SinkRecord(partition.topic(), partition.partition(), null, "k" + offset, null, "v", offset))
                .toList();
    }

    private static CompletableFuture<List<Rejection<SinkRecord>>> acknowledged() {
        return CompletableFuture.completedFuture(List.of());
    }

    private Map<TopicPartition, OffsetAndMetadata> committable() {
        return pending.committable(Set.of(P0, P1));
    }

    @Test
    void offsetsStopBeforeTheFirstPutCassandraHasNotAcknowledged() {
        CompletableFuture<List<Rejection<SinkRecord>>> second = new CompletableFuture<>();
        pending.add(records(P0, 0, 9), acknowledged(), List.of());
        pending.add(records(P0, 10, 19), second, List.of());
        pending.add(records(P0, 20, 29), acknowledged(), List.of());

        assertEquals(Map.of(P0, new OffsetAndMetadata(10)), committable());
        assertEquals(20, pending.pendingRecords());

        second.complete(List.of());
        assertEquals(Map.of(P0, new OffsetAndMetadata(30)), committable());
        assertEquals(0, pending.pendingRecords());
    }

    @Test
    void eachPartitionGetsTheOffsetAfterItsLastAcknowledgedRecord() {
        List<SinkRecord> mixed = new ArrayList<>(records(P0, 5, 7));
        mixed.addAll(records(P1, 40, 41));
        pending.add(mixed, acknowledged(), List.of());

        assertEquals(Map.of(P0, new OffsetAndMetadata(8), P1, new OffsetAndMetadata(42)), committable());
        assertEquals(Map.of(P1, new OffsetAndMetadata(42)), pending.committable(Set.of(P1)));
    }

    @Test
    void aRefusedRecordCountsOnlyOnceItsDeadLetterReportIsDone() {
        List<SinkRecord> put = records(P0, 0, 2);
        Rejection<SinkRecord> refused = new Rejection<>(put.get(1), new RejectedRecordException("refused"));
        pending.add(put, CompletableFuture.completedFuture(List.of(refused)), List.of());

        assertEquals(Map.of(), committable());
        assertEquals(List.of(put.get(1)), reported);

        reports.get(0).complete(null);
        assertEquals(Map.of(P0, new OffsetAndMetadata(3)), committable());
        assertEquals(1, reported.size(), "a refused record is reported once");
    }

    @Test
    void aDeadLetterReportMadeInPutIsWaitedForToo() {
        CompletableFuture<Void> report = new CompletableFuture<>();
        pending.add(records(P0, 0, 0), acknowledged(), List.<Future<Void>>of(report));

        assertEquals(Map.of(), committable());
        report.complete(null);
        assertEquals(Map.of(P0, new OffsetAndMetadata(1)), committable());
    }

    @Test
    void aWriteThatFailedIsNeverCommitted() {
        pending.add(records(P0, 0, 4), CompletableFuture.failedFuture(new IllegalStateException("writer closed")), List.of());

        assertEquals(Map.of(), committable());
        assertThrows(ConnectException.class, () -> pending.awaitAtMost(0));
    }

    @Test
    void awaitAtMostWaitsForTheOldestPutsUntilFewEnoughArePending() throws Exception {
        CompletableFuture<List<Rejection<SinkRecord>>> first = new CompletableFuture<>();
        CompletableFuture<List<Rejection<SinkRecord>>> second = new CompletableFuture<>();
        pending.add(records(P0, 0, 9), first, List.of());
        pending.add(records(P0, 10, 19), second, List.of());

        Thread cassandra = new Thread(() -> first.complete(List.of()));
        cassandra.start();
        pending.awaitAtMost(10);
        cassandra.join();

        assertEquals(10, pending.pendingRecords());
        assertEquals(Map.of(P0, new OffsetAndMetadata(10)), committable());
    }

    @Test
    void forgottenPartitionsAreNotOfferedUntilTheirNextAcknowledgedPut() {
        pending.add(records(P0, 0, 9), acknowledged(), List.of());
        pending.add(records(P1, 0, 9), acknowledged(), List.of());
        committable();

        pending.forget(List.of(P0));
        assertEquals(Map.of(P1, new OffsetAndMetadata(10)), committable());

        pending.add(records(P0, 30, 31), acknowledged(), List.of());
        assertEquals(Map.of(P0, new OffsetAndMetadata(32), P1, new OffsetAndMetadata(10)), committable());
    }
}
