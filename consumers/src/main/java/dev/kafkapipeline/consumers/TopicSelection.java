package dev.kafkapipeline.consumers;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.kafka.Topics;
import java.util.List;
import java.util.Locale;

/** TOPIC_NAME as the original consumers read it (weather, faker or fastf1), or all three at once. */
public final class TopicSelection {
    public static final String ALL = "all";

    private TopicSelection() {}

    public static List<String> parse(String topicName) {
        String name = topicName.strip().toLowerCase(Locale.ROOT);
        if (name.equals(ALL)) {
            return Topics.ALL;
        }
        if (Topics.ALL.contains(name)) {
            return List.of(name);
        }
        throw new ConfigException("TOPIC_NAME must be one of " + String.join(", ", Topics.ALL) + " or " + ALL
                + ", got '" + topicName + "'");
    }
}
