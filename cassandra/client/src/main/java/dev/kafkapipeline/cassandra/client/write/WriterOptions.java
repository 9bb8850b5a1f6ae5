package dev.kafkapipeline.cassandra.client.write;

import java.time.Duration;

/**
 * @param maxInFlight    requests (single rows or batches) sent and not yet answered; more wait
 * @param maxBatchRows   rows of one partition sent together in one unlogged batch
 * @param initialBackoff pause after Cassandra was first found unreachable or overloaded, before one write tries again;
 *                       doubles with each failed try up to maxBackoff
 * @param limits         how big a record and its values may be
 */
public record WriterOptions(int maxInFlight, int maxBatchRows, Duration initialBackoff, Duration maxBackoff, RecordLimits limits) {
    public static final WriterOptions DEFAULTS = new WriterOptions(512, 32, Duration.ofMillis(100), Duration.ofSeconds(5),
            RecordLimits.DEFAULTS);

    public WriterOptions {
        if (maxInFlight < 1 || maxBatchRows < 1) {
            throw new IllegalArgumentException("maxInFlight and maxBatchRows must be at least 1");
        }
    }
}
