package dev.kafkapipeline.f1;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveException;
import dev.kafkapipeline.f1.archive.SessionLocator;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.SessionLaps;
import dev.kafkapipeline.f1.laps.SessionLoader;
import dev.kafkapipeline.f1.producer.LapPublisher;
import dev.kafkapipeline.f1.producer.LapSchedule;
import dev.kafkapipeline.f1.producer.ProducerSettings;
import dev.kafkapipeline.f1.stream.StreamFormatException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The f1-producer service: reads one session from the live-timing archive,
 * builds its laps and publishes those of the chosen drivers to the fastf1
 * topic, then exits. Configuration: see {@link ProducerSettings}. Exit code 0
 * when every lap was acknowledged or SIGTERM stopped it cleanly, 1 otherwise.
 */
public final class F1ProducerMain {
    private static final Logger LOG = LoggerFactory.getLogger(F1ProducerMain.class);
    private static final Duration KAFKA_WAIT = Duration.ofMinutes(5);

    private F1ProducerMain() {}

    public static void main(String[] args) {
        System.exit(run(EnvConfig.fromEnvironment()));
    }

    static int run(EnvConfig env) {
        ProducerSettings settings;
        SessionLaps session;
        List<Lap> laps;
        try {
            settings = ProducerSettings.from(env);
            try (ArchiveClient archive = new ArchiveClient(settings.archive())) {
                String path = new SessionLocator(archive).locate(settings.session());
                LOG.info("reading {} ({}) from {}", settings.session(), path, settings.archive().bases());
                session = new SessionLoader(archive).load(path);
            }
            session.warnings().forEach(w -> LOG.warn("{}", w));
            laps = settings.drivers().laps(session);
        } catch (ConfigException | ArchiveException | StreamFormatException | IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            return 1;
        }
        List<LapSchedule.Step> steps = LapSchedule.of(laps, settings.sleep(), settings.replaySpeed());
        LOG.info("{}: {} laps to send to {} ({})", session.session().key(), steps.size(), settings.topic(),
                settings.replaySpeed() == null ? "SLEEP_TIME " + settings.sleep().toMillis() / 1000.0 + " s"
                        : "replay at " + settings.replaySpeed() + "x");

        CountDownLatch finished = new CountDownLatch(1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(env, "f1-producer"))) {
            LapPublisher publisher = new LapPublisher(producer, settings.topic());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (finished.getCount() == 0) {
                    return; // ended on its own: keep its exit status
                }
                LOG.info("SIGTERM: stopping after the lap in flight, flushing what was sent");
                publisher.stop();
                try {
                    // A JVM ended by SIGTERM exits 143; a clean stop is a success, so say 0.
                    Runtime.getRuntime().halt(finished.await(40, TimeUnit.SECONDS) ? 0 : 1);
                } catch (InterruptedException e) {
                    Runtime.getRuntime().halt(1);
                }
            }, "f1-producer-shutdown"));
            if (!publisher.awaitKafka(KAFKA_WAIT)) {
                return 1;
            }
            publisher.publish(session.session(), steps);
            return 0;
        } catch (IllegalStateException e) {
            LOG.error("{}", e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            finished.countDown();
        }
    }
}
