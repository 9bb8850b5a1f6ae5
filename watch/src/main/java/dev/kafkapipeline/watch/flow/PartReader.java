package dev.kafkapipeline.watch.flow;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Reads one part of the flow on a thread of its own, so that a server that does
 * not answer delays only its own part: the others keep their pace. At most one
 * read of a part is under way; a part whose last answer is too old counts as down.
 */
final class PartReader<T> {
    private final String what;
    private final Supplier<Part<T>> read;
    private final Duration stale;
    private CompletableFuture<Part<T>> inFlight;
    private Part<T> latest;
    private long latestAt;

    /**
     * @param what  the server and address, for the message when it does not answer
     * @param stale how old the last answer may be before the part counts as down
     */
    PartReader(String what, Supplier<Part<T>> read, Duration stale) {
        this.what = what;
        this.read = read;
        this.stale = stale;
    }

    /** Starts a read unless one is under way; returns it, for the caller to wait on. */
    synchronized CompletableFuture<Part<T>> refresh(Executor executor) {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(read, executor).exceptionally(e -> Part.down(what + ": " + e.getMessage()));
            inFlight.thenAccept(this::answered);
        }
        return inFlight;
    }

    private synchronized void answered(Part<T> part) {
        latest = part;
        latestAt = System.nanoTime();
    }

    /** The last answer, or why there is none fresh enough. */
    synchronized Part<T> latest() {
        if (latest == null) {
            return Part.down(what + " has not answered yet");
        }
        long age = System.nanoTime() - latestAt;
        if (age > stale.toNanos()) {
            return Part.down(what + " has not answered for " + age / 1_000_000_000 + " s");
        }
        return latest;
    }
}
