package dev.kafkapipeline.f1;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.f1.archive.SessionQuery;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the F1 producer replays, from the environment: F1_ARCHIVE_URL,
 * F1_ARCHIVE_MIRRORS, F1_CACHE_DIR, F1_SESSION (default "2023 Austria Race", a
 * path also accepted), F1_DRIVERS (default VER,LEC; "all") and F1_REPLAY_SPEED
 * (N times the pace at which the laps were set; replaces SLEEP_TIME when set).
 * Topic, broker and SLEEP_TIME are the shared producer settings
 * ({@link F1ProducerMain#producerSettings}).
 */
public record F1Settings(ArchiveSettings archive, SessionQuery session, DriverSelection drivers, OptionalDouble replaySpeed) {
    public static F1Settings from(EnvConfig env) {
        SessionQuery session;
        try {
            session = SessionQuery.parse(env.string("F1_SESSION", SessionQuery.DEFAULT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("F1_SESSION: " + e.getMessage());
        }
        return new F1Settings(ArchiveSettings.from(env), session,
                DriverSelection.parse(env.list("F1_DRIVERS", List.of("VER", "LEC"))), replaySpeed(env));
    }

    private static OptionalDouble replaySpeed(EnvConfig env) {
        String text = env.raw("F1_REPLAY_SPEED");
        if (text == null) {
            return OptionalDouble.empty();
        }
        double speed;
        try {
            speed = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ConfigException("F1_REPLAY_SPEED must be a number (times real pace), got '" + text + "'");
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new ConfigException("F1_REPLAY_SPEED must be more than 0, got '" + text + "'");
        }
        return OptionalDouble.of(speed);
    }
}
