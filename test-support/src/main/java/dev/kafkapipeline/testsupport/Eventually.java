package dev.kafkapipeline.testsupport;

import dev.kafkapipeline.local.stack.Poll;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** A test's wait for a real condition, with a deadline; a failure names what did not happen. */
public final class Eventually {
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private Eventually() {}

    /**
     * Polls until the condition holds. A condition that throws counts as not yet
     * (a server may be restarting in a fault test); the last error is in the failure.
     */
    public static void holds(String what, Duration timeout, BooleanSupplier condition) {
        AtomicReference<String> lastError = new AtomicReference<>("");
        boolean held = Poll.until(() -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                lastError.set(" (last error: " + e.getMessage() + ")");
                return false;
            }
        }, timeout, INTERVAL);
        if (!held) {
            throw new AssertionError("not reached within " + timeout.toSeconds() + " s: " + what + lastError.get());
        }
    }
}
