package dev.kafkapipeline.common.kafka;

import java.util.List;

/** The pipeline's topics (the original pipeline's names) and their dead-letter twins. */
public final class Topics {
    public static final String WEATHER = "weather";
    public static final String FAKER = "faker";
    public static final String FASTF1 = "fastf1";
    public static final List<String> ALL = List.of(WEATHER, FAKER, FASTF1);

    /** Suffix of the topic that receives the records of a topic that could not be written. */
    public static final String DLQ_SUFFIX = ".dlq";
    /** The header that carries a dead letter's reason, as Kafka Connect's error reporter names it. */
    public static final String DEAD_LETTER_REASON_HEADER = "__connect.errors.exception.message";

    /**
     * The largest dead letter a dead-letter topic takes, and its writers send:
     * twice Kafka's default of about 1 MiB, because a dead letter is the rejected
     * record unchanged plus headers (the reason, and in Connect a stack trace), so
     * a record the source topic took whole must still fit.
     */
    public static final int DEAD_LETTER_MAX_BYTES = 2 * 1024 * 1024;

    private Topics() {}

    public static String deadLetterTopic(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
