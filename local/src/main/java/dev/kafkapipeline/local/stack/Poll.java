package dev.kafkapipeline.local.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for a real condition, with a deadline: the stack's only way to wait. */
public final class Poll {
    private Poll() {}

    /** True as soon as the condition holds; false when the deadline passes first. */
    public static boolean until(BooleanSupplier condition, Duration timeout, Duration interval) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            pause(interval);
        }
    }

    static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted");
        }
    }
}
