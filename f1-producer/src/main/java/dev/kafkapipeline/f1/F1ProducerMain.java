package dev.kafkapipeline.f1;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.common.producer.ProducerSettings;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveException;
import dev.kafkapipeline.f1.archive.SessionLocator;
import dev.kafkapipeline.f1.laps.SessionLaps;
import dev.kafkapipeline.f1.laps.SessionLoader;
import dev.kafkapipeline.f1.producer.LapSource;
import dev.kafkapipeline.f1.stream.StreamFormatException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The f1-producer service: reads one session from the live-timing archive,
 * builds its laps and publishes those of the chosen drivers to the fastf1
 * topic through the shared producer loop, then exits. Configuration:
 * {@link F1Settings}, plus SLEEP_TIME (default 1 s, 0 = flat out), TOPIC_NAME
 * and KAFKA_BROKER_URL. Exit code 0 when every lap sent was acknowledged or
 * SIGTERM stopped it cleanly, 1 otherwise.
 */
public final class F1ProducerMain {
    public static final Duration DEFAULT_SLEEP = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(F1ProducerMain.class);

    private F1ProducerMain() {}

    public static ProducerSettings producerSettings(EnvConfig env) {
        return ProducerSettings.from(env, "f1-producer", Topics.FASTF1, DEFAULT_SLEEP);
    }

    public static void main(String[] args) {
        System.exit(run(EnvConfig.fromEnvironment()));
    }

    /** The service's whole run, for main and for tests that run it in-process; returns the exit status. */
    public static int run(EnvConfig env) {
        ProducerSettings settings;
        F1Settings f1;
        SessionLaps session;
        LapSource laps;
        try {
            settings = producerSettings(env);
            f1 = F1Settings.from(env);
            try (ArchiveClient archive = new ArchiveClient(f1.archive())) {
                String path = new SessionLocator(archive).locate(f1.session());
                LOG.info("reading {} ({}) from {}", f1.session(), path, f1.archive().bases());
                session = new SessionLoader(archive).load(path);
            }
            session.warnings().forEach(w -> LOG.warn("{}", w));
            laps = LapSource.of(session.session(), f1.drivers().laps(session), f1.replaySpeed());
        } catch (ConfigException | ArchiveException | StreamFormatException | IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return 1;
        }
        LOG.info("{}: {} laps to send to {} ({})", session.session().key(), laps.size(), settings.topic(),
                f1.replaySpeed().isPresent() ? "replay at " + f1.replaySpeed().getAsDouble() + "x the real lap pace, not SLEEP_TIME"
                        : "SLEEP_TIME " + settings.pause().toMillis() / 1000.0 + " s");
        ProducerLoop.Outcome outcome = ProducerLoop.runAsService(settings, laps);
        LOG.info("laps sent {} of {}, acknowledged by Kafka; {} refused", outcome.sent(), laps.size(), outcome.failed());
        return outcome.failed() == 0 ? 0 : 1;
    }
}
