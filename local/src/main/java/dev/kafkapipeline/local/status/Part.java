package dev.kafkapipeline.local.status;

/** One part of the stack's status: what its server answered, or why there is no answer. */
public sealed interface Part<T> {
    record Answered<T>(T value) implements Part<T> {}

    /** @param why one line: what did not answer, where, and why ("Kafka at 127.0.0.1:9092 is not answering (connection refused)") */
    record Down<T>(String why) implements Part<T> {}
}
