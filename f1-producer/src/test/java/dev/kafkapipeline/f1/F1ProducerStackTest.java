package dev.kafkapipeline.f1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.local.junit.NativeStackTest;
import dev.kafkapipeline.local.stack.NativeStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/** The producer against a real broker: every lap of VER and LEC arrives on fastf1, keyed by session and driver. */
@NativeStackTest
class F1ProducerStackTest {
    private static final String KEY_PREFIX = ArchiveFixtures.BAKU_2018_RACE + "/";

    @Test
    void lapsArriveOnTheTopicWithTheirKeysAndFields(NativeStack stack) {
        EnvConfig env = stack.serviceEnvironment().with(Map.of(
                "F1_ARCHIVE_URL", ArchiveFixtures.archiveRoot().toUri().toString(),
                "F1_SESSION", ArchiveFixtures.BAKU_2018_RACE,
                "F1_DRIVERS", "VER,LEC",
                "SLEEP_TIME", "0"));
        assertEquals(0, F1ProducerMain.run(env));

        Map<String, Map<String, Object>> laps = new LinkedHashMap<>();
        Map<String, List<Integer>> lapOrderPerKey = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaSettings.consumer(env, "f1-producer-test-" + UUID.randomUUID()))) {
            consumer.subscribe(List.of(Topics.FASTF1));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (laps.size() < 91 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!record.key().startsWith(KEY_PREFIX)) {
                        continue;
                    }
                    Map<String, Object> value = Json.readObject(record.value());
                    assertEquals(record.key(), value.get("session_key") + "/" + value.get("driver"));
                    laps.put(value.get("driver") + "/" + value.get("lap_number"), value);
                    lapOrderPerKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(((Number) value.get("lap_number")).intValue());
                }
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
