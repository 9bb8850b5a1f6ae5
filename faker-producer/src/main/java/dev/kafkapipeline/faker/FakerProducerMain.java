package dev.kafkapipeline.faker;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.common.producer.ProducerSettings;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The faker producer: a fake person every SLEEP_TIME seconds (5 by default, 0 for flat out) to topic faker. */
public final class FakerProducerMain {
    public static final Duration DEFAULT_SLEEP = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(FakerProducerMain.class);

    private FakerProducerMain() {}

    public static ProducerSettings producerSettings(EnvConfig env) {
        return ProducerSettings.from(env, "faker-producer", Topics.FAKER, DEFAULT_SLEEP);
    }

    public static void main(String[] args) {
        EnvConfig env = EnvConfig.fromEnvironment();
        FakerSettings faker;
        ProducerSettings settings;
        try {
            faker = FakerSettings.from(env);
            settings = producerSettings(env);
        } catch (ConfigException e) {
            LOG.error("bad configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("fake people in locale {}{}{}", faker.locale().toLanguageTag(),
                faker.seed().isPresent() ? ", seed " + faker.seed().getAsLong() : "",
                faker.uniqueNames() ? ", names made unique" : "");
        ProducerLoop.runAsService(settings, new FakerSource(faker));
    }
}
