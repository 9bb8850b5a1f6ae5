package dev.kafkapipeline.common.retry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waiting between tries. Services sleep; tests pass their own to see the
 * waits without spending them.
 */
@FunctionalInterface
public interface Pause {
    /** Sleeps the calling thread; a stop interrupts it. */
    Pause SLEEP = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
