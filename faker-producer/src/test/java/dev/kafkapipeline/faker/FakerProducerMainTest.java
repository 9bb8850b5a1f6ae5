package dev.kafkapipeline.faker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.service.ExitStatus;
import dev.kafkapipeline.common.service.ServiceExit;
import dev.kafkapipeline.common.service.ServiceRunner;
import dev.kafkapipeline.testsupport.LoopbackPort;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The faker producer's entry point, run in this JVM. */
class FakerProducerMainTest {
    @Test
    void aBadVariableExitsTwoWithOneLineNamingIt() {
        ServiceExit exit = FakerProducerMain.runner().run(new EnvConfig(Map.of("FAKER_LOCALE", "xx_YY")));
        assertEquals(ExitStatus.BAD_CONFIGURATION, exit.status());
        assertTrue(exit.message().startsWith("bad configuration: FAKER_LOCALE 'xx_YY' is not a Datafaker locale"), exit.message());
        assertFalse(exit.message().contains("\n"), exit.message());

        ServiceExit sleep = FakerProducerMain.runner().run(new EnvConfig(Map.of("SLEEP_TIME", "soon")));
        assertEquals(new ServiceExit(ExitStatus.BAD_CONFIGURATION,
                "bad configuration: SLEEP_TIME must be a number of seconds, got 'soon'"), sleep);
    }

    /** Stopped while it starts (Datafaker loading, Kafka not there yet) it exits 0, as after a SIGTERM. */
    @Test
    void aStopDuringStartUpExitsZero() throws Exception {
        int closedPort = LoopbackPort.free();
        EnvConfig env = new EnvConfig(Map.of("KAFKA_BROKER_URL", "127.0.0.1:" + closedPort));
        ServiceRunner runner = FakerProducerMain.runner();
        CompletableFuture<ServiceExit> exit = CompletableFuture.supplyAsync(() -> runner.run(env));
        runner.stop();
        assertEquals(new ServiceExit(ExitStatus.DONE, "faker-producer stopped"), exit.get(60, TimeUnit.SECONDS));
    }
}
