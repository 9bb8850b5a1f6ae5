package dev.kafkapipeline.watch.flow;

/**
 * One part of the flow as read from its server: a value, or why there is none
 * ("Kafka at 127.0.0.1:9092 is not answering (...)"). A part that is down
 * never stops the others from being shown.
 */
public record Part<T>(T value, String down) {

    public static <T> Part<T> of(T value) {
        return new Part<>(value, null);
    }

    public static <T> Part<T> down(String why) {
        return new Part<>(null, why);
    }

    public boolean isDown() {
        return down != null;
    }
}
