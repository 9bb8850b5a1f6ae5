package dev.kafkapipeline.common.producer;

import java.util.Iterator;
import java.util.Optional;

/**
 * Where a producer's records come from: fake people, weather reports, F1 laps.
 * The {@link ProducerLoop} calls {@link #next()} once per tick and pauses
 * SLEEP_TIME between ticks.
 */
public interface RecordSource {
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
