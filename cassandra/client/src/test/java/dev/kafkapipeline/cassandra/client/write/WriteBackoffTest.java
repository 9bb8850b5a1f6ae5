package dev.kafkapipeline.cassandra.client.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * The writer's backoff in virtual time: a scheduler whose clock the test moves,
 * and attempts that fail while "Cassandra" is down and are answered once it is
 * up, the way the writer's attempts report their outcome.
 */
class WriteBackoffTest {
    private static final Duration INITIAL = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(5);

    private final VirtualScheduler clock = new VirtualScheduler();
    private final WriteBackoff backoff = new WriteBackoff(INITIAL, MAX, clock);
    private final List<Long> attemptTimes = new ArrayList<>();
    private final List<Integer> answeredOrder = new ArrayList<>();
    private boolean cassandraUp = true;
    private int nextId;

    /** A write that tries when the backoff lets it: fails while Cassandra is down, is answered once it is up. */
    private final class Write implements Runnable {
        final int id;
        final long order = backoff.order();

        Write(int id) {
            this.id = id;
        }

        @Override
        public void run() {
            attemptTimes.add(clock.now);
            if (cassandraUp) {
                answeredOrder.add(id);
                backoff.answered();
            } else {
                backoff.failed(order, this);
            }
        }
    }

    private void submit(int writes) {
        for (int i = 0; i < writes; i++) {
            Write write = new Write(nextId++);
            backoff.submit(write.order, write);
        }
    }

    private long attemptsBetween(Duration from, Duration to) {
        return attemptTimes.stream().filter(t -> t >= from.toNanos() && t < to.toNanos()).count();
    }

    @Test
    void duringAnOutageOnlyOneProbeAPauseTriesWhateverIsPending() {
        cassandraUp = false;
        submit(20_000);
        // 20,000 rows of as many partitions, as in the outage of issue 13: before, each retried on its own.
        clock.advanceTo(Duration.ofSeconds(20));

        assertEquals(1, attemptsBetween(Duration.ZERO, Duration.ofMillis(1)), "only the first write tries before the outage shows");
        long attempts = attemptsBetween(Duration.ZERO, Duration.ofSeconds(20));
        // Probes at 0.1, 0.3, 0.7, 1.5, 3.1, 6.3, 11.3, 16.3 s: the delay doubles up to 5 s.
        assertEquals(9, attempts, "attempts in 20 s of outage");
        for (int second = 5; second < 20; second++) {
            assertTrue(attemptsBetween(Duration.ofSeconds(second), Duration.ofSeconds(second + 1)) <= 1,
                    "at most one attempt a second once the delay has grown, second " + second);
        }
    }

    @Test
    void theFirstAnswerEndsTheOutageAndEveryPendingWriteGoesInTheOrderGiven() {
        submit(3);
        assertEquals(List.of(0, 1, 2), answeredOrder);
        cassandraUp = false;
        submit(500);
        clock.advanceTo(Duration.ofSeconds(3));
        cassandraUp = true;
        long before = attemptTimes.size();
        clock.advanceTo(Duration.ofSeconds(10));

        assertEquals(503, answeredOrder.size(), "every write answered once Cassandra is back");
        assertEquals(500, attemptTimes.size() - before, "each pending write tries exactly once after the outage");
        List<Integer> sorted = new ArrayList<>(answeredOrder);
        sorted.sort(null);
        assertEquals(sorted, answeredOrder, "pending writes go in the order they were given");
    }

    @Test
    void aNewOutageStartsAgainFromTheShortestDelay() {
        cassandraUp = false;
        submit(10);
        clock.advanceTo(Duration.ofSeconds(30));
        cassandraUp = true;
        clock.advanceTo(Duration.ofSeconds(35));
        cassandraUp = false;
        submit(1);
        long outageStart = clock.now;
        clock.advanceTo(Duration.ofNanos(outageStart).plus(INITIAL).plusMillis(1));

        assertEquals(2, attemptsBetween(Duration.ofNanos(outageStart), Duration.ofNanos(clock.now)),
                "the write, then a probe after the initial delay, not after the 5 s the last outage reached");
    }

    @Test
    void writesSentBeforeTheOutageShowedWaitWithTheRestInsteadOfEachStartingABackoff() {
        List<Write> inFlight = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Write write = new Write(i);
            inFlight.add(write);
        }
        cassandraUp = false;
        // All 100 were sent while Cassandra seemed up, and fail one after another.
        inFlight.forEach(w -> backoff.failed(w.order, w));
        clock.advanceTo(Duration.ofSeconds(1));

        assertEquals(3, attemptsBetween(Duration.ZERO, Duration.ofSeconds(1)), "probes at 0.1, 0.3 and 0.7 s, no retry of their own");
    }

    @Test
    void aClosedBackoffHandsBackWhatWaitsAndTakesNoMore() {
        cassandraUp = false;
        submit(5);
        List<Runnable> left = backoff.close();

        assertEquals(5, left.size(), "all five wait: the first for its retry, the others for their first try");
        assertFalse(backoff.failed(0, () -> {}), "a write failing after close is not kept");
    }

    /** Runs scheduled tasks in virtual time, in the order they fall due. */
    private static final class VirtualScheduler implements WriteBackoff.Scheduler {
        private record Task(long due, long sequence, Runnable work) {}

        private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
                ? Long.compare(a.due, b.due) : Long.compare(a.sequence, b.sequence));
        private long now;
        private long scheduled;

        @Override
        public void schedule(Runnable task, Duration delay) {
            tasks.add(new Task(now + delay.toNanos(), scheduled++, task));
        }

        void advanceTo(Duration time) {
            while (!tasks.isEmpty() && tasks.peek().due <= time.toNanos()) {
                Task next = tasks.poll();
                now = next.due;
                next.work.run();
            }
            now = time.toNanos();
        }
    }
}
