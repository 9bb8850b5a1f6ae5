package dev.kafkapipeline.faker;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.producer.ProducerService;
import dev.kafkapipeline.common.producer.ProducerSettings;
import dev.kafkapipeline.common.service.Service;
import dev.kafkapipeline.common.service.ServiceRunner;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The faker producer: a fake person every SLEEP_TIME seconds (5 by default, 0 for flat out) to topic faker. */
public final class FakerProducerMain {
    public static final Duration DEFAULT_SLEEP = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(FakerProducerMain.class);

    private FakerProducerMain() {}

    public static void main(String[] args) {
        runner().runAndExit();
    }

    /** The service as main runs it; a test runs it in process with a configuration of its own. */
    public static ServiceRunner runner() {
        return new ServiceRunner("faker-producer", FakerProducerMain::service);
    }

    public static ProducerSettings producerSettings(EnvConfig env) {
        return ProducerSettings.from(env, "faker-producer", Topics.FAKER, DEFAULT_SLEEP);
    }

    private static Service service(EnvConfig env) {
        FakerSettings faker = FakerSettings.from(env);
        ProducerSettings settings = producerSettings(env);
        LOG.info("fake people in locale {}{}{}", faker.locale().toLanguageTag(),
                faker.seed().isPresent() ? ", seed " + faker.seed().getAsLong() : "",
                faker.uniqueNames() ? ", names made unique" : "");
        return new ProducerService(settings, new FakerSource(faker));
    }
}
