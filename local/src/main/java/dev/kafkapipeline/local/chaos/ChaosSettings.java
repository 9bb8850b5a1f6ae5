package dev.kafkapipeline.local.chaos;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import java.time.Duration;

/**
 * How hard and how long a fault run pushes.
 *
 * @param rate           records a second the producer sends, steadily (CHAOS_RATE, default 2000)
 * @param backlog        how long the stream runs before a path starts, so that it starts behind (CHAOS_BACKLOG, 10 s)
 * @param steady         how long the stream runs before a server is killed, and again once the paths write after a fault (CHAOS_STEADY, 5 s)
 * @param downtime       how long a killed service stays down before it is started again (CHAOS_DOWNTIME, 5 s)
 * @param sessionTimeout the consumers path's consumer-group session timeout: how long a killed member keeps its partitions
 *                       (CHAOS_SESSION_TIMEOUT, 10 s); the Connect task's is the worker's, which connectors may not override
 * @param deadline       the longest wait for a path to write again after a fault, or to write everything (CHAOS_DEADLINE, 300 s)
 */
public record ChaosSettings(int rate, Duration backlog, Duration steady, Duration downtime, Duration sessionTimeout, Duration deadline) {

    public ChaosSettings {
        if (rate < 1) {
            throw new ConfigException("the fault run's rate must be at least 1 record a second, got " + rate);
        }
        if (sessionTimeout.toMillis() < 6000) {
            // The broker refuses shorter sessions (group.min.session.timeout.ms).
            throw new ConfigException("CHAOS_SESSION_TIMEOUT must be at least 6 seconds, got " + sessionTimeout.toMillis() / 1000.0);
        }
    }

    public static ChaosSettings from(EnvConfig env) {
        return new ChaosSettings(
                env.integer("CHAOS_RATE", 2000),
                env.seconds("CHAOS_BACKLOG", Duration.ofSeconds(10)),
                env.seconds("CHAOS_STEADY", Duration.ofSeconds(5)),
                env.seconds("CHAOS_DOWNTIME", Duration.ofSeconds(5)),
                env.seconds("CHAOS_SESSION_TIMEOUT", Duration.ofSeconds(10)),
                env.seconds("CHAOS_DEADLINE", Duration.ofSeconds(300)));
    }

    public ChaosSettings withRate(int records) {
        return new ChaosSettings(records, backlog, steady, downtime, sessionTimeout, deadline);
    }

    /** A path killed with at least this many records not yet committed counts as killed with a backlog. */
    long backlogAtKill() {
        return Math.max(1, rate / 4);
    }
}
