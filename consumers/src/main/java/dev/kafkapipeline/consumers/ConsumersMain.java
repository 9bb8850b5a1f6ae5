package dev.kafkapipeline.consumers;

import dev.kafkapipeline.common.service.ServiceRunner;

/**
 * The consumers service: TOPIC_NAME (weather, faker, fastf1 or all; default all)
 * chooses the topics, the rows go to Cassandra through the same writer and
 * mapping as the Kafka Connect sink. SIGTERM or Ctrl-C: the batch in hand is
 * written and committed, then the process exits 0.
 */
public final class ConsumersMain {
    private ConsumersMain() {}

    public static void main(String[] args) {
        runner().runAndExit();
    }

    /** The service as main runs it; a test runs it in process with a configuration of its own. */
    public static ServiceRunner runner() {
        return new ServiceRunner("consumers", env -> new ConsumersService(ConsumersSettings.from(env)));
    }
}
