package dev.kafkapipeline.f1.producer;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.f1.DriverSelection;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.f1.archive.SessionQuery;
import java.time.Duration;
import java.util.List;

/**
 * The F1 producer's configuration, from the environment: F1_ARCHIVE_URL,
 * F1_ARCHIVE_MIRRORS, F1_CACHE_DIR, F1_SESSION (default "2023 Austria Race", a
 * path also accepted), F1_DRIVERS (default VER,LEC; "all"), SLEEP_TIME (seconds
 * between records, default 1; 0 = as fast as possible), F1_REPLAY_SPEED (N times
 * the pace at which the laps were set; replaces SLEEP_TIME when set), TOPIC_NAME
 * (default fastf1) and KAFKA_BROKER_URL.
 */
public record ProducerSettings(ArchiveSettings archive, SessionQuery session, DriverSelection drivers,
                               Duration sleep, Double replaySpeed, String topic) {
    public static ProducerSettings from(EnvConfig env) {
        String speedText = env.raw("F1_REPLAY_SPEED");
        Double speed = null;
        if (speedText != null) {
            try {
                speed = Double.parseDouble(speedText);
            } catch (NumberFormatException e) {
                throw new ConfigException("F1_REPLAY_SPEED must be a number (times real pace), got '" + speedText + "'");
            }
            if (!(speed > 0) || speed.isInfinite()) {
                throw new ConfigException("F1_REPLAY_SPEED must be more than 0, got '" + speedText + "'");
            }
        }
        SessionQuery session;
        try {
            session = SessionQuery.parse(env.string("F1_SESSION", SessionQuery.DEFAULT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("F1_SESSION: " + e.getMessage());
        }
        return new ProducerSettings(ArchiveSettings.from(env), session,
                DriverSelection.parse(env.list("F1_DRIVERS", List.of("VER", "LEC"))),
                env.seconds("SLEEP_TIME", Duration.ofSeconds(1)), speed, env.string("TOPIC_NAME", Topics.FASTF1));
    }
}
