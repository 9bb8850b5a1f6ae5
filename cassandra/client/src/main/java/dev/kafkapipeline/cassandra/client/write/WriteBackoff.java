package dev.kafkapipeline.cassandra.client.write;

import dev.kafkapipeline.common.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The writer's one backoff. While Cassandra answers, an attempt starts at once.
 * Once an attempt fails because Cassandra is unreachable or overloaded, every
 * attempt (retries and new writes alike) waits in one queue, in the order it was
 * first submitted, and a single one goes out as a probe after a delay that
 * doubles with each failed probe, up to the maximum. The first answer from
 * Cassandra ends the outage, resets the delay and lets the queue go. An outage
 * so costs one attempt per delay, however many writes are pending, instead of
 * one per pending write and delay.
 */
final class WriteBackoff {
    /** Runs a task after a delay on a thread of the writer's own: an attempt may block for a free request slot. */
    interface Scheduler {
        void schedule(Runnable task, Duration delay);
    }

    private record Waiting(long order, Runnable attempt) {}

    private final Backoff backoff;
    private final Scheduler scheduler;
    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>(Comparator.comparingLong(Waiting::order));
    private long submitted;
    /** Failed probes in a row of the outage under way; 0 while Cassandra answers. */
    private int failures;
    private Runnable probe;
    private boolean closed;

    WriteBackoff(Duration initialDelay, Duration maxDelay, Scheduler scheduler) {
        // A maximum below the first delay (the connector allows one) caps the first delay too.
        this.backoff = new Backoff(initialDelay.compareTo(maxDelay) > 0 ? maxDelay : initialDelay, maxDelay);
        this.scheduler = scheduler;
    }

    /** An attempt's place in the queue; its retries keep it, so rows of one key go out in the order given. */
    synchronized long order() {
        return submitted++;
    }

    /**
     * Runs the attempt now when Cassandra answers and nothing waits before it,
     * else queues it. The attempt reports its outcome with {@link #answered} or
     * {@link #failed} and never throws.
     */
    void submit(long order, Runnable attempt) {
        synchronized (this) {
            if (!closed && (failures > 0 || !waiting.isEmpty())) {
                waiting.add(new Waiting(order, attempt));
                return;
            }
        }
        attempt.run();
    }

    /**
     * Cassandra answered an attempt (it wrote the rows, or refused them): any outage is over.
     *
     * @return whether this answer ended an outage
     */
    boolean answered() {
        synchronized (this) {
            if (failures == 0) {
                return false;
            }
            failures = 0;
            probe = null;
        }
        scheduler.schedule(this::drain, Duration.ZERO);
        return true;
    }

    /**
     * The attempt failed because Cassandra is unreachable or overloaded; it waits for its turn to go again.
     *
     * @return false when the backoff is closed: the attempt will not run again
     */
    boolean failed(long order, Runnable attempt) {
        Duration next;
        synchronized (this) {
            if (closed) {
                return false;
            }
            waiting.add(new Waiting(order, attempt));
            if (failures == 0 || attempt == probe) {
                probe = null;
                next = backoff.after(++failures);
            } else {
                // Sent before the outage showed: it waits with the rest, the probe is already on its way.
                return true;
            }
        }
        scheduler.schedule(this::releaseProbe, next);
        return true;
    }

    /** Stops for good; returns the attempts still waiting, which will never run. */
    synchronized List<Runnable> close() {
        closed = true;
        List<Runnable> left = new ArrayList<>(waiting.size());
        waiting.forEach(w -> left.add(w.attempt()));
        waiting.clear();
        return left;
    }

    private void releaseProbe() {
        Runnable next;
        synchronized (this) {
            if (failures == 0 || probe != null || waiting.isEmpty()) {
                return;
            }
            next = waiting.poll().attempt();
            probe = next;
        }
        next.run();
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                if (failures > 0 || waiting.isEmpty()) {
                    return;
                }
                next = waiting.poll().attempt();
            }
            next.run();
        }
    }
}
