package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.service.ExitStatus;
import dev.kafkapipeline.common.service.ServiceExit;
import dev.kafkapipeline.common.service.ServiceRunner;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The consumers' entry point, run in this JVM without a stack. */
class ConsumersMainTest {
    @Test
    void aBadVariableExitsTwoWithOneLineNamingIt() {
        assertEquals(new ServiceExit(ExitStatus.BAD_CONFIGURATION,
                        "bad configuration: TOPIC_NAME must be one of weather, faker, fastf1 or all, got 'rain'"),
                ConsumersMain.runner().run(new EnvConfig(Map.of("TOPIC_NAME", "rain"))));
        assertEquals(new ServiceExit(ExitStatus.BAD_CONFIGURATION,
                        "bad configuration: CASSANDRA_MAX_IN_FLIGHT must be at least 1, got 0"),
                ConsumersMain.runner().run(new EnvConfig(Map.of("CASSANDRA_MAX_IN_FLIGHT", "0"))));
    }

    /** Started before Cassandra answers, it waits; a stop then (a SIGTERM during start-up) is a clean exit. */
    @Test
    void aStopWhileWaitingForCassandraExitsZero() throws Exception {
        try (ServerSocket mute = new ServerSocket(0)) {
            mute.setSoTimeout(30_000);
            ServiceRunner runner = ConsumersMain.runner();
            CompletableFuture<ServiceExit> exit = CompletableFuture.supplyAsync(() -> runner.run(
                    new EnvConfig(Map.of("CASSANDRA_HOST", "127.0.0.1", "CASSANDRA_PORT", Integer.toString(mute.getLocalPort())))));
            // The service is trying to reach Cassandra; hang up on it, so it goes on waiting.
            mute.accept().close();
            runner.stop();
            assertEquals(new ServiceExit(ExitStatus.DONE, "consumers stopped"), exit.get(30, TimeUnit.SECONDS));
        }
    }
}
