package dev.kafkapipeline.f1;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.producer.ProducerService;
import dev.kafkapipeline.common.producer.ProducerSettings;
import dev.kafkapipeline.common.retry.Pause;
import dev.kafkapipeline.common.service.ServiceRunner;
import java.time.Duration;

/**
 * The f1-producer service: reads one session from the live-timing archive
 * (waiting, however long, while the archive cannot be reached), builds its
 * laps and publishes those of the chosen drivers to the fastf1 topic through
 * the shared producer loop, then exits. Configuration:
 * {@link F1Settings}, plus SLEEP_TIME (default 1 s, 0 = flat out), TOPIC_NAME
 * and KAFKA_BROKER_URL.
 */
public final class F1ProducerMain {
    public static final Duration DEFAULT_SLEEP = Duration.ofSeconds(1);

    private F1ProducerMain() {}

    public static void main(String[] args) {
        runner().runAndExit();
    }

    /** The service as main runs it; a test runs it in process with a configuration of its own. */
    public static ServiceRunner runner() {
        return runner(Pause.SLEEP);
    }

    /** With the pauses between tries of an unreachable archive in the test's hands, so it need not spend them. */
    static ServiceRunner runner(Pause archivePause) {
        return new ServiceRunner("f1-producer", env -> new ProducerService(producerSettings(env),
                new ArchiveLapSource(F1Settings.from(env), archivePause)));
    }

    public static ProducerSettings producerSettings(EnvConfig env) {
        return ProducerSettings.from(env, "f1-producer", Topics.FASTF1, DEFAULT_SLEEP);
    }
}
