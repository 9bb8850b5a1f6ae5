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

    private Topics() {}

    public static String deadLetterTopic(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
