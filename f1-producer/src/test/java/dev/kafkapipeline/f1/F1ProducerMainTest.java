package dev.kafkapipeline.f1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.service.ExitStatus;
import dev.kafkapipeline.common.service.ServiceExit;
import dev.kafkapipeline.common.retry.Pause;
import dev.kafkapipeline.common.service.ServiceRunner;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.F1Archive;
import dev.kafkapipeline.testsupport.LoopbackPort;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The F1 producer's entry point, run in this JVM. No Kafka runs here: the
 * session is read before the producer waits for Kafka, so whatever ends the
 * run in the archive ends it here too.
 */
class F1ProducerMainTest {
    private static EnvConfig env(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("KAFKA_BROKER_URL", "127.0.0.1:" + LoopbackPort.free());
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

    @Test
    void aSessionTheArchiveDoesNotHaveIsNotAskedForAgain() throws Exception {
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        try (MockWebServer archive = new MockWebServer()) {
            archive.setDispatcher(new FlakyArchive(List.of()));
            archive.start(InetAddress.getLoopbackAddress(), 0);
            ServiceExit exit = F1ProducerMain.runner(waits::add).run(env(Map.of(
                    "F1_ARCHIVE_URL", archive.url("/static").toString(),
                    "F1_SESSION", "2018/2018-01-01_Nowhere/2018-01-01_Race")));
            assertEquals(ExitStatus.FAILED, exit.status());
            assertTrue(exit.message().startsWith("404 Not Found: " + archive.url("/static/2018/2018-01-01_Nowhere/")), exit.message());
            assertEquals(1, archive.getRequestCount());
        }
        assertEquals(List.of(), waits);
    }

    @Test
    void aFileThatDoesNotParseIsNotAskedForAgain() throws Exception {
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        try (MockWebServer archive = new MockWebServer()) {
            archive.setDispatcher(new FlakyArchive(List.of(FlakyArchive.garbled("SessionInfo.jsonStream"))));
            archive.start(InetAddress.getLoopbackAddress(), 0);
            ServiceExit exit = F1ProducerMain.runner(waits::add).run(env(Map.of(
                    "F1_ARCHIVE_URL", archive.url("/static").toString(),
                    "F1_SESSION", ArchiveFixtures.BAKU_2018_RACE)));
            assertEquals(ExitStatus.FAILED, exit.status());
            assertTrue(exit.message().startsWith(ArchiveFixtures.BAKU_2018_RACE + "/SessionInfo.jsonStream line 1: "), exit.message());
            assertEquals(1, archive.getRequestCount());
        }
        assertEquals(List.of(), waits);
    }

    /**
     * Without the archive (503s, connections closed) the producer keeps asking,
     * the pause doubling from 1 s to 60 s, and a stop during a pause, as after a
     * SIGTERM, ends it at once with status 0. From the seventh pause on (60 s)
     * the test's pause sleeps for real, so the stop has a real wait to cut short.
     */
    @Test
    void whileTheArchiveFailsItKeepsAskingUntilStopped() throws Exception {
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        Pause pause = wait -> {
            waits.add(wait);
            if (waits.size() >= 7) {
                Pause.SLEEP.sleep(wait);
            }
        };
        List<FlakyArchive.Failure> outage = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outage.add(i % 2 == 0 ? FlakyArchive.UNAVAILABLE : FlakyArchive.HANG_UP);
        }
        try (MockWebServer archive = new MockWebServer()) {
            archive.setDispatcher(new FlakyArchive(outage));
            archive.start(InetAddress.getLoopbackAddress(), 0);
            ServiceRunner runner = F1ProducerMain.runner(pause);
            EnvConfig env = env(Map.of(
                    "F1_ARCHIVE_URL", archive.url("/static").toString(),
                    "F1_SESSION", ArchiveFixtures.BAKU_2018_RACE));
            CompletableFuture<ServiceExit> exit = CompletableFuture.supplyAsync(() -> runner.run(env));
            Eventually.holds("seven tries", Duration.ofSeconds(60), () -> waits.size() >= 7);

            long stopped = System.nanoTime();
            runner.stop();
            assertEquals(new ServiceExit(ExitStatus.DONE, "f1-producer stopped"), exit.get(30, TimeUnit.SECONDS));
            assertTrue(Duration.ofNanos(System.nanoTime() - stopped).compareTo(Duration.ofSeconds(5)) < 0, "stopped promptly");
            assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L), waits.stream().map(Duration::toSeconds).toList());
            assertEquals(7, archive.getRequestCount(), "one request a try");
        }
    }
}
