package dev.kafkapipeline.common.producer;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import java.time.Duration;
import java.util.Properties;

/**
 * A producer's configuration, from the original pipeline's variables:
 * KAFKA_BROKER_URL, TOPIC_NAME and SLEEP_TIME (seconds between records, 0 for
 * as fast as possible), with each producer's own defaults. The Kafka security
 * variables are checked here, so a service with a bad combination stops at
 * start with a one-line ConfigException.
 */
public record ProducerSettings(EnvConfig env, String clientId, String topic, Duration pause) {
    public static final String TOPIC_NAME = "TOPIC_NAME";
    public static final String SLEEP_TIME = "SLEEP_TIME";

    public static ProducerSettings from(EnvConfig env, String clientId, String defaultTopic, Duration defaultSleep) {
        KafkaSettings.security(env);
        return new ProducerSettings(env, clientId,
                env.string(TOPIC_NAME, defaultTopic),
                env.seconds(SLEEP_TIME, defaultSleep));
    }

    /** The same settings with another pause; the weather producer spreads SLEEP_TIME over its cities. */
    public ProducerSettings withPause(Duration newPause) {
        return new ProducerSettings(env, clientId, topic, newPause);
    }

    public String bootstrapServers() {
        return KafkaSettings.bootstrapServers(env);
    }

    Properties producerProperties() {
        return KafkaSettings.producer(env, clientId);
    }

    Properties adminProperties() {
        return KafkaSettings.admin(env, clientId + "-broker-wait");
    }
}
