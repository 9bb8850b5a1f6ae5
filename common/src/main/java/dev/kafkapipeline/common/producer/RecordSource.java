package dev.kafkapipeline.common.producer;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

/**
 * Where a producer's records come from: fake people, weather reports, F1 laps.
 * The {@link ProducerLoop} calls {@link #prepare()} once, then {@link #next()}
 * once per tick, and pauses between ticks: SLEEP_TIME, unless the source sets
 * its own pace.
 */
public interface RecordSource {
    /**
     * Gets the records ready: called once, before the loop waits for Kafka, in
     * the loop's thread, so a stop interrupts it as it interrupts a pause. A
     * source that must first fetch its data (the F1 session) does so here, and a
     * failure ends the run before Kafka is needed. By default nothing to do.
     */
    default void prepare() throws InterruptedException {}

    /**
     * The record of this tick, or empty when this tick has none (a city that was
     * skipped, say); the loop then pauses and asks again. A source may block, for
     * instance to honour a server's Retry-After; it must then end early with
     * InterruptedException when the producer is stopped.
     */
    Optional<KeyedRecord> next() throws InterruptedException;

    /** False once a finite source (a replay) has nothing more; the loop then flushes and ends. */
    default boolean hasMore() {
        return true;
    }

    /**
     * The pause before the next tick, asked after each record while the source
     * has more. By default the configured SLEEP_TIME; a source that sets its own
     * pace (a replay at N times the real gaps between records) returns its own.
     */
    default Duration pauseBeforeNext(Duration sleepTime) {
        return sleepTime;
    }

    /** A finite or endless iterator as a source: one record per tick, ending when the iterator does. */
    static RecordSource of(Iterator<KeyedRecord> records) {
        return new RecordSource() {
            @Override
            public Optional<KeyedRecord> next() {
                return Optional.of(records.next());
            }

            @Override
            public boolean hasMore() {
                return records.hasNext();
            }
        };
    }
}
