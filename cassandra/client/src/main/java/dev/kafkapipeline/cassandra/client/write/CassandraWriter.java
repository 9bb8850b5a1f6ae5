package dev.kafkapipeline.cassandra.client.write;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one write path to Cassandra, shared by the Kafka Connect sink and the
 * consumers. It reads records (JSON bytes, within {@link RecordLimits}), turns
 * them into rows through their {@link TableMapping}s, sends them asynchronously
 * with a bounded number of requests in flight, and batches only rows of the same
 * partition. A record that cannot become a row, or whose row Cassandra refuses,
 * comes back as a {@link RejectedRecordException} or a {@link Rejection}: nothing
 * a record holds can fail anything but that record. Only Cassandra being
 * unreachable or overloaded is waited for, with one {@link WriteBackoff} for the
 * whole writer: a write is then never skipped.
 */
public final class CassandraWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraWriter.class);
    private static final long RETRY_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final CqlSession session;
    private final WriterOptions options;
    private final JsonRecords records;
    private final Map<String, List<TableStatement>> byTopic = new LinkedHashMap<>();
    private final Semaphore inFlight;
    private final ScheduledExecutorService retries;
    private final WriteBackoff backoff;
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong lastRetryLog = new AtomicLong(System.nanoTime() - RETRY_LOG_INTERVAL_NANOS);
    private volatile boolean closed;

    private CassandraWriter(CqlSession session, List<TableStatement> tables, WriterOptions options) {
        this.session = session;
        this.options = options;
        this.records = new JsonRecords(options.limits());
        this.inFlight = new Semaphore(options.maxInFlight());
        for (TableStatement table : tables) {
            byTopic.computeIfAbsent(table.mapping().topic(), t -> new ArrayList<>()).add(table);
        }
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cassandra-writer-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.backoff = new WriteBackoff(options.initialBackoff(), options.maxBackoff(), (task, delay) -> {
            try {
                retries.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                // Closed: close() fails whatever still waits.
            }
        });
    }

    /**
     * Checks every mapping against the tables' metadata and prepares its INSERT.
     *
     * @throws dev.kafkapipeline.cassandra.client.mapping.MappingException for a missing table or column,
     *         an unsupported column type or an unmapped primary-key column
     */
    public static CassandraWriter open(CqlSession session, List<TableMapping> mappings, WriterOptions options) {
        List<TableStatement> tables = mappings.stream().map(m -> TableStatement.prepare(session, m, options.limits())).toList();
        return new CassandraWriter(session, tables, options);
    }

    public Set<String> topics() {
        return byTopic.keySet();
    }

    /**
     * Reads a record's value, JSON bytes, into its fields: the one way both paths read a record.
     *
     * @throws RejectedRecordException when there is no value, it is over the record limit, or it is not a JSON object
     */
    public Map<String, Object> read(byte[] value) {
        return records.read(value);
    }

    /**
     * The rows one record gives (one per table its topic maps to).
     *
     * @param value the record's fields: a Map of field names to values (from {@link #read}, or a Connect struct or map)
     * @throws RejectedRecordException when the record can never be written: not an object, a primary-key
     *         field missing, a value that does not fit its column; never any other exception
     */
    public <S> List<Row<S>> rows(String topic, S source, Object key, Object value) {
        List<TableStatement> tables = byTopic.get(topic);
        if (tables == null) {
            throw new RejectedRecordException("no table mapping for topic '" + topic + "'");
        }
        if (!(value instanceof Map<?, ?> fields)) {
            throw new RejectedRecordException(value == null ? "record has no value" : "value is not an object but a "
                    + value.getClass().getSimpleName());
        }
        try {
            List<Row<S>> rows = new ArrayList<>(tables.size());
            for (TableStatement table : tables) {
                rows.add(table.bind(source, key, fields));
            }
            return rows;
        } catch (RejectedRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            // Whatever else one record's values make fail is that record's fault, and must not stop a sink.
            throw new RejectedRecordException("record cannot be converted: " + e, e);
        }
    }

    /**
     * Writes rows; the future completes once Cassandra acknowledged every one of
     * them, with the rows it refused (normally none). Rows with the same primary
     * key are written in the order given, so the last record wins. Blocks the
     * caller while the in-flight limit is reached and Cassandra answers; while it
     * does not, the rows wait in the backoff's queue.
     */
    public <S> CompletableFuture<List<Rejection<S>>> write(List<Row<S>> rows) {
        Map<List<Object>, List<Row<S>>> partitions = new LinkedHashMap<>();
        for (Row<S> row : rows) {
            List<Object> partition = new ArrayList<>(row.partitionKey().size() + 1);
            partition.add(row.table());
            partition.addAll(row.partitionKey());
            partitions.computeIfAbsent(partition, p -> new ArrayList<>()).add(row);
        }
        List<CompletableFuture<List<Rejection<S>>>> results = new ArrayList<>();
        for (List<Row<S>> partition : partitions.values()) {
            CompletableFuture<List<Rejection<S>>> chain = null;
            for (List<Row<S>> chunk : chunks(partition)) {
                chain = chain == null
                        ? send(chunk)
                        : chain.thenComposeAsync(done -> send(chunk).thenApply(more -> concat(done, more)), retries);
            }
            results.add(chain);
        }
        return collect(results);
    }

    /** Splits one partition's rows into batches that hold each primary key at most once. */
    private <S> List<List<Row<S>>> chunks(List<Row<S>> partition) {
        List<List<Row<S>>> chunks = new ArrayList<>();
        List<Row<S>> current = new ArrayList<>();
        Set<List<Object>> keys = new HashSet<>();
        for (Row<S> row : partition) {
            if (current.size() == options.maxBatchRows() || !keys.add(row.primaryKey())) {
                chunks.add(current);
                current = new ArrayList<>();
                keys.clear();
                keys.add(row.primaryKey());
            }
            current.add(row);
        }
        chunks.add(current);
        return chunks;
    }

    private <S> CompletableFuture<List<Rejection<S>>> send(List<Row<S>> chunk) {
        ChunkWrite<S> write = new ChunkWrite<>(chunk);
        backoff.submit(write.order, write);
        return write.result;
    }

    /** One chunk on its way to Cassandra: sent, and sent again after an outage, until Cassandra answers. */
    private final class ChunkWrite<S> implements Runnable {
        final List<Row<S>> chunk;
        final long order = backoff.order();
        final CompletableFuture<List<Rejection<S>>> result = new CompletableFuture<>();

        ChunkWrite(List<Row<S>> chunk) {
            this.chunk = chunk;
        }

        @Override
        public void run() {
            if (closed) {
                result.completeExceptionally(new IllegalStateException("the Cassandra writer closed before the write succeeded"));
                return;
            }
            inFlight.acquireUninterruptibly();
            CompletionStage<?> sent;
            try {
                sent = session.executeAsync(statement(chunk));
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((rs, error) -> {
                inFlight.release();
                completed(error);
            });
        }

        private void completed(Throwable error) {
            if (error != null && WriteFailures.isOutage(error)) {
                logFailure(error);
                if (!backoff.failed(order, this)) {
                    result.completeExceptionally(new IllegalStateException("the Cassandra writer closed before the write succeeded", error));
                }
                return;
            }
            if (backoff.answered()) {
                LOG.info("Cassandra answers again; the writes that waited go on ({} failed attempts so far)", failedAttempts.get());
            }
            if (error == null) {
                result.complete(List.of());
            } else {
                refused(chunk, WriteFailures.unwrap(error)).whenComplete((r, e) -> complete(result, r, e));
            }
        }
    }

    /** A refused batch is sent again row by row, so only the rows Cassandra refuses on their own are rejected. */
    private <S> CompletableFuture<List<Rejection<S>>> refused(List<Row<S>> chunk, Throwable error) {
        if (chunk.size() == 1) {
            Row<S> row = chunk.get(0);
            return CompletableFuture.completedFuture(List.of(new Rejection<>(row.source(),
                    new RejectedRecordException("Cassandra refused the row for " + row.table() + ": " + error.getMessage(), error))));
        }
        // Off the driver's thread: sending may block for a free request slot.
        return onWriterThread(() -> chunk.stream().map(row -> send(List.of(row))).toList()).thenCompose(CassandraWriter::collect);
    }

    private <T> CompletableFuture<T> onWriterThread(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, retries);
        } catch (RejectedExecutionException closing) {
            return CompletableFuture.failedFuture(new IllegalStateException("the Cassandra writer closed before the write succeeded"));
        }
    }

    private void logFailure(Throwable error) {
        long failures = failedAttempts.incrementAndGet();
        long now = System.nanoTime();
        long last = lastRetryLog.get();
        if (now - last >= RETRY_LOG_INTERVAL_NANOS && lastRetryLog.compareAndSet(last, now)) {
            LOG.warn("Cassandra is unreachable or overloaded ({}); writes wait and one retries with backoff, {} failed attempts so far",
                    WriteFailures.unwrap(error).toString(), failures);
        }
    }

    private Statement<?> statement(List<? extends Row<?>> chunk) {
        BoundStatement first = chunk.get(0).statement();
        if (chunk.size() == 1) {
            return first;
        }
        List<BoundStatement> statements = chunk.stream().map(Row::statement).map(BoundStatement.class::cast).toList();
        return BatchStatement.builder(BatchType.UNLOGGED)
                .addStatements(new ArrayList<>(statements))
                .setConsistencyLevel(first.getConsistencyLevel())
                .setIdempotence(true)
                .build();
    }

    private static <T> void complete(CompletableFuture<T> result, T value, Throwable error) {
        if (error != null) {
            result.completeExceptionally(error);
        } else {
            result.complete(value);
        }
    }

    private static <S> List<Rejection<S>> concat(List<Rejection<S>> a, List<Rejection<S>> b) {
        if (a.isEmpty()) {
            return b;
        }
        List<Rejection<S>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <S> CompletableFuture<List<Rejection<S>>> collect(List<CompletableFuture<List<Rejection<S>>>> results) {
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Rejection<S>> all = new ArrayList<>();
            for (CompletableFuture<List<Rejection<S>>> r : results) {
                all.addAll(r.join());
            }
            return all;
        });
    }

    /** Stops retrying; writes still waiting for Cassandra fail, so their records are not committed. */
    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        // Each sees the writer closed and fails its write.
        backoff.close().forEach(Runnable::run);
    }
}
