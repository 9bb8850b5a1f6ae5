package dev.kafkapipeline.f1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.common.service.ExitStatus;
import dev.kafkapipeline.common.service.ServiceExit;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.f1.laps.Driver;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.Session;
import dev.kafkapipeline.f1.laps.SessionLoader;
import dev.kafkapipeline.f1.producer.LapSource;
import dev.kafkapipeline.testsupport.F1Archive;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.testsupport.TopicRecords;
import dev.kafkapipeline.local.stack.NativeStack;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** The producer against a real broker: every lap of VER and LEC arrives on fastf1, keyed by session and driver; a replay keeps the lap pace. */
@NativeStackTest
class F1ProducerStackTest {
    private static final String KEY_PREFIX = ArchiveFixtures.BAKU_2018_RACE + "/";

    @Test
    void lapsArriveOnTheTopicWithTheirKeysAndFields(NativeStack stack) {
        EnvConfig env = stack.serviceEnvironment().with(Map.of(
                "F1_ARCHIVE_URL", F1Archive.root().toUri().toString(),
                "F1_SESSION", ArchiveFixtures.BAKU_2018_RACE,
                "F1_DRIVERS", "VER,LEC",
                "SLEEP_TIME", "0"));
        assertEquals(ExitStatus.DONE, F1ProducerMain.runner().run(env).status());

        Map<String, Map<String, Object>> laps = new LinkedHashMap<>();
        Map<String, List<Integer>> lapOrderPerKey = new HashMap<>();
        try (TopicRecords topic = new TopicRecords(env, Topics.FASTF1, key -> key.startsWith(KEY_PREFIX))) {
            topic.awaitAtLeast(91, Duration.ofSeconds(60));
            for (TopicRecords.Received record : topic.received()) {
                Map<String, Object> value = record.value();
                assertEquals(record.key(), value.get("session_key") + "/" + value.get("driver"));
                laps.put(value.get("driver") + "/" + value.get("lap_number"), value);
                lapOrderPerKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(((Number) value.get("lap_number")).intValue());
            }
        }
        assertEquals(91, laps.size(), "40 laps of VER and 51 of LEC");
        assertEquals(IntRange.of(1, 40), lapOrderPerKey.get(KEY_PREFIX + "VER").subList(0, 40));
        assertEquals(IntRange.of(1, 51), lapOrderPerKey.get(KEY_PREFIX + "LEC").subList(0, 51));

        Map<String, Object> lec41 = laps.get("LEC/41");
        assertEquals("Azerbaijan Grand Prix Race", lec41.get("session_name"));
        assertEquals("Baku", lec41.get("track"));
        assertEquals("2018-04-29T12:10:00Z", lec41.get("date"));
        assertEquals("16", lec41.get("driver_number"));
        assertEquals("ULTRASOFT", lec41.get("tyre_compound"));
        assertEquals(3, ((Number) lec41.get("stint")).intValue());
        assertEquals(Boolean.TRUE, lec41.get("pit_out"));
        assertTrue(lec41.get("lap_time").toString().matches("\\d\\d:\\d\\d\\.\\d{3}"), lec41.toString());
        assertTrue(lec41.get("sector1_time").toString().matches("\\d\\d\\.\\d{3}"), lec41.toString());

        Map<String, Object> ver40 = laps.get("VER/40");
        assertEquals(Boolean.TRUE, ver40.get("incomplete"));
        assertFalse(ver40.containsKey("lap_time"));
    }

    /**
     * Started while the archive fails (a 503, a connection closed, a download
     * broken off in TimingData), the producer keeps asking, then sends every lap
     * once the archive answers, and exits 0. The test keeps the pauses (1, 2, 4 s)
     * instead of spending them.
     */
    @Test
    void lapsArriveOnceTheArchiveAnswersAgain(NativeStack stack) throws Exception {
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        EnvConfig env;
        try (MockWebServer archive = new MockWebServer()) {
            archive.setDispatcher(new FlakyArchive(List.of(
                    FlakyArchive.UNAVAILABLE, FlakyArchive.HANG_UP, FlakyArchive.cutOff("TimingData.jsonStream"))));
            archive.start(InetAddress.getLoopbackAddress(), 0);
            env = stack.serviceEnvironment().with(Map.of(
                    "F1_ARCHIVE_URL", archive.url("/static").toString(),
                    "F1_SESSION", "2023 Baku S",
                    "F1_DRIVERS", "VER,LEC",
                    "SLEEP_TIME", "0"));
            assertEquals(new ServiceExit(ExitStatus.DONE, "f1-producer done"), F1ProducerMain.runner(waits::add).run(env));
        }
        assertEquals(List.of(1L, 2L, 4L), waits.stream().map(Duration::toSeconds).toList());

        int expected = lapsOf(ArchiveFixtures.BAKU_2023_SPRINT, "VER,LEC");
        try (TopicRecords topic = new TopicRecords(env, Topics.FASTF1, key -> key.startsWith(ArchiveFixtures.BAKU_2023_SPRINT + "/"))) {
            topic.awaitAtLeast(expected, Duration.ofSeconds(60));
            assertEquals(expected, topic.matching(), "every lap of VER and LEC, once");
        }
    }

    /** The laps of a session, as read straight from the archive sample. */
    private static int lapsOf(String session, String drivers) {
        try (ArchiveClient archive = new ArchiveClient(ArchiveSettings.of(F1Archive.root().toString()))) {
            return DriverSelection.parse(drivers).laps(new SessionLoader(archive).load(session)).size();
        }
    }

    /**
     * A replay goes at N times the real gaps between lap completions, through the
     * shared loop: three laps a minute apart at 100x take at least 1.2 s even
     * with SLEEP_TIME 0 (a lower bound only, so a slow machine cannot fail it).
     */
    @Test
    void aReplayIsPacedByTheGapsBetweenLaps(NativeStack stack) {
        EnvConfig env = stack.serviceEnvironment().with(Map.of("SLEEP_TIME", "0"));
        Session session = new Session("test/replay-" + UUID.randomUUID(), "Replay Race", "Replay", "Nowhere", null, "Race");
        Driver driver = new Driver("1", "AAA", "A Driver", "A Team");
        List<Lap> laps = List.of(lap(driver, 1, 60_000L), lap(driver, 2, 120_000L), lap(driver, 3, 180_000L));

        long started = System.nanoTime();
        ProducerLoop.Outcome outcome = new ProducerLoop(F1ProducerMain.producerSettings(env),
                LapSource.of(session, laps, OptionalDouble.of(100))).run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(new ProducerLoop.Outcome(3, 0), outcome);
        assertTrue(took.compareTo(Duration.ofMillis(1_200)) >= 0, "two pauses of 600 ms, took " + took);
        try (TopicRecords topic = new TopicRecords(env, Topics.FASTF1, key -> key.startsWith(session.key() + "/"))) {
            topic.awaitAtLeast(3, Duration.ofSeconds(60));
            assertEquals(List.of(1, 2, 3), topic.received().stream()
                    .map(r -> ((Number) r.value().get("lap_number")).intValue()).toList());
        }
    }

    private static Lap lap(Driver driver, int number, long endTime) {
        return Lap.builder(driver, number).lapTime(60_000L).position(1).times(endTime - 60_000L, endTime).build();
    }

    /** Lap numbers from..to, for comparing with what arrived. */
    private static final class IntRange {
        static List<Integer> of(int from, int to) {
            List<Integer> list = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                list.add(i);
            }
            return list;
        }
    }
}
