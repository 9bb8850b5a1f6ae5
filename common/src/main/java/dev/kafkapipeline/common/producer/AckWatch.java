package dev.kafkapipeline.common.producer;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells a producer's user when Kafka stops acknowledging and when it starts
 * again, one line each. While a broker is down the idempotent producer keeps
 * the records it was given and retries them on its own, so nothing fails and,
 * without this, nothing would be said until the delivery timeout (a record
 * still unacknowledged then fails, and is logged as failed).
 */
final class AckWatch {
    private final Duration quietAfter;
    private final LongSupplier nanoClock;
    private final Consumer<String> out;
    private final String broker;

    private long waiting;
    /** When the oldest unacknowledged record was handed over, or the last acknowledgement came, whichever is later. */
    private long quietSince;
    private long outageStart = -1;

    AckWatch(String broker, Duration quietAfter, LongSupplier nanoClock, Consumer<String> out) {
        this.broker = broker;
        this.quietAfter = quietAfter;
        this.nanoClock = nanoClock;
        this.out = out;
    }

    /** A record was handed to the Kafka producer. */
    synchronized void handedOver() {
        if (waiting++ == 0) {
            quietSince = nanoClock.getAsLong();
        }
    }

    /** Kafka acknowledged a record, or it failed for good: either way it no longer waits. */
    synchronized void settled() {
        waiting--;
        long now = nanoClock.getAsLong();
        quietSince = now;
        if (outageStart >= 0) {
            out.accept(String.format("Kafka at %s acknowledges again after %.1f s (%,d records were waiting)",
                    broker, (now - outageStart) / 1e9, waiting + 1));
            outageStart = -1;
        }
    }

    /** Called about once a second: reports the start of an outage once. */
    synchronized void check() {
        long now = nanoClock.getAsLong();
        if (outageStart < 0 && waiting > 0 && now - quietSince >= quietAfter.toNanos()) {
            outageStart = quietSince;
            out.accept(String.format("Kafka at %s has acknowledged nothing for %.0f s (%,d records waiting); the producer keeps"
                    + " them and retries until Kafka answers", broker, (now - quietSince) / 1e9, waiting));
        }
    }
}
