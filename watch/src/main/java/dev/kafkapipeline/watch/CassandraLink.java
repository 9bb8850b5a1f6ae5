package dev.kafkapipeline.watch;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The page's one driver session, opened in the background: while Cassandra is
 * down the tables and the race say so at once instead of waiting for the
 * driver to give up, and a failed open is tried again after a pause.
 */
public final class CassandraLink implements AutoCloseable {
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final CassandraSettings settings;
    private CompletableFuture<CqlSession> opening;
    private long failedAt;

    public CassandraLink(CassandraSettings settings) {
        this.settings = settings;
    }

    public CassandraSettings settings() {
        return settings;
    }

    /**
     * The open session.
     *
     * @throws IllegalStateException while it is being opened, or when opening failed (the message says why)
     */
    public synchronized CqlSession session() {
        if (opening == null || (opening.isCompletedExceptionally() && System.nanoTime() - failedAt > RETRY.toNanos())) {
            opening = CompletableFuture.supplyAsync(() -> CassandraSessions.openForStatements(settings));
            opening.whenComplete((session, error) -> {
                if (error != null) {
                    failed();
                }
            });
        }
        if (!opening.isDone()) {
            throw new IllegalStateException("Cassandra at " + settings.address() + ": connecting");
        }
        try {
            return opening.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cassandra at " + settings.address() + " is not answering ("
                    + firstLine(cause.getMessage()) + ")", cause);
        }
    }

    private synchronized void failed() {
        failedAt = System.nanoTime();
    }

    /** The first line of a message (driver and client messages run to many lines). */
    public static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse("");
    }

    @Override
    public synchronized void close() {
        if (opening != null) {
            opening.thenAccept(CqlSession::close);
        }
    }
}
