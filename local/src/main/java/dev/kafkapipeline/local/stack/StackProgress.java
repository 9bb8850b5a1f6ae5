package dev.kafkapipeline.local.stack;

import java.util.function.Consumer;

/**
 * The lines the stack prints while it starts and stops: the time since the
 * stack was made, what the line is about, and what happened
 * ({@code [   8.6s] kafka      ready at 127.0.0.1:9092}).
 */
final class StackProgress {
    private final Consumer<String> out;
    private final long startedAt = System.nanoTime();

    StackProgress(Consumer<String> out) {
        this.out = out;
    }

    void step(String what, String detail) {
        out.accept(String.format("[%7s] %-10s %s", seconds(System.nanoTime() - startedAt), what, detail));
    }

    static String seconds(long nanos) {
        return String.format("%.1fs", nanos / 1e9);
    }
}
