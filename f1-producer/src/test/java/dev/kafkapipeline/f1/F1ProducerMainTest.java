package dev.kafkapipeline.f1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.service.ExitStatus;
import dev.kafkapipeline.common.service.ServiceExit;
import dev.kafkapipeline.local.junit.F1Archive;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The F1 producer's entry point, run in this JVM. No Kafka runs here: the
 * session is read before the producer waits for Kafka, so whatever ends the
 * run in the archive ends it here too.
 */
class F1ProducerMainTest {
    private static EnvConfig env(Map<String, String> values) throws IOException {
        Map<String, String> all = new HashMap<>(values);
        try (ServerSocket socket = new ServerSocket(0)) {
            all.put("KAFKA_BROKER_URL", "127.0.0.1:" + socket.getLocalPort());
        }
        return new EnvConfig(all);
    }

    @Test
    void aBadVariableExitsTwoWithOneLineNamingIt() throws Exception {
        assertEquals(new ServiceExit(ExitStatus.BAD_CONFIGURATION,
                        "bad configuration: F1_REPLAY_SPEED must be a number (times real pace), got 'fast'"),
                F1ProducerMain.runner().run(env(Map.of("F1_REPLAY_SPEED", "fast"))));
        ServiceExit session = F1ProducerMain.runner().run(env(Map.of("F1_SESSION", "2023 Austria")));
        assertEquals(ExitStatus.BAD_CONFIGURATION, session.status());
        assertTrue(session.message().startsWith("bad configuration: F1_SESSION: "), session.message());
        assertFalse(session.message().contains("\n"), session.message());
    }

    /** The drivers can only be checked against the session, once read; a wrong one is still a bad setting, as in ./pipeline laps. */
    @Test
    void aDriverTheSessionLacksIsABadConfiguration() throws Exception {
        ServiceExit exit = F1ProducerMain.runner().run(env(Map.of(
                "F1_ARCHIVE_URL", F1Archive.root().toString(),
                "F1_SESSION", ArchiveFixtures.BAKU_2018_RACE,
                "F1_DRIVERS", "VER,XYZ")));
        assertEquals(ExitStatus.BAD_CONFIGURATION, exit.status());
        assertTrue(exit.message().startsWith("bad configuration: F1_DRIVERS: no driver XYZ in " + ArchiveFixtures.BAKU_2018_RACE),
                exit.message());
    }

    @Test
    void aSessionTheArchiveDoesNotHaveFailsWithOneLine() throws Exception {
        ServiceExit exit = F1ProducerMain.runner().run(env(Map.of(
                "F1_ARCHIVE_URL", F1Archive.root().toString(),
                "F1_SESSION", "2018/2018-01-01_Nowhere/2018-01-01_Race")));
        assertEquals(ExitStatus.FAILED, exit.status());
        assertTrue(exit.message().startsWith("no such archive file: "), exit.message());
        assertFalse(exit.message().contains("\n"), exit.message());
    }
}
