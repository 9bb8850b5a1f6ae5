package dev.kafkapipeline.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.testsupport.DeadLetterReasons;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.FakerRecords;
import dev.kafkapipeline.testsupport.KafkaOffsets;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.local.stack.NativeStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sink plugin in a real Connect worker, writing to a real Cassandra node. */
@NativeStackTest
class CassandraSinkConnectorTest {
    private static final Duration LANDING = Duration.ofSeconds(120);
    private static StackClient client;

    @BeforeAll
    static void registerSinks(NativeStack stack) {
        client = new StackClient(stack, CassandraSessions.open(stack.cassandraSettings()));
        stack.registerSinks();
    }

    @AfterAll
    static void close() {
        client.close();
        client.session.close();
    }

    /** Paces the observations during an outage of fixed length; never used to wait for readiness. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    @Test
    void everyTopicLandsAsTypedRows() {
        int n = 50;
        String location = "Typed-" + System.nanoTime();
        String session = "2018/Typed_" + System.nanoTime();
        Instant firstReport = Instant.parse("2024-05-01T12:00:00Z");
        for (int i = 0; i < n; i++) {
            client.send(Topics.FAKER, "typed-" + i, FakerRecords.person("typed-" + location + "-" + i, i));
            Map<String, Object> weather = new LinkedHashMap<>();
            weather.put("location", location);
            weather.put("report_time", firstReport.plusSeconds(60L * i).toString());
            weather.put("description", "clear sky");
            weather.put("temp", 280.5 + i);
            weather.put("humidity", 40);
            weather.put("sunrise", 1_714_540_000L + i);
            client.send(Topics.WEATHER, location, weather);
            Map<String, Object> lap = new LinkedHashMap<>();
            lap.put("session_key", session);
            lap.put("driver", "VER");
            lap.put("lap_number", i + 1);
            lap.put("date", "2018-04-29T13:10:00Z");
            lap.put("lap_time", "1:45.123");
            lap.put("position", 1);
            lap.put("fresh_tyre", i % 2 == 0);
            client.send(Topics.FASTF1, session + "/VER", lap);
        }

        Eventually.holds(n + " faker rows", LANDING, () -> FakerRecords.rowsNamed(client.session, "typed-" + location) == n);
        Eventually.holds(n + " weather rows", LANDING, () -> client.partitionRows("weatherreport", "location", location) == n);
        Eventually.holds(n + " laps", LANDING, () -> client.partitionRows("lapsummary", "session_key", session) == n);

        Row person = client.session.execute(SimpleStatement.newInstance(
                "SELECT year, city, job FROM kafkapipeline.fakerdata WHERE name = ?", "typed-" + location + "-7")).one();
        assertEquals(1957, person.getInt("year"));
        assertEquals("Springfield", person.getString("city"));

        Row report = client.session.execute(SimpleStatement.newInstance(
                "SELECT temp, humidity, sunrise, pressure FROM kafkapipeline.weatherreport WHERE location = ? AND forecastdate = ?",
                location, firstReport.plusSeconds(60L * 3))).one();
        assertEquals(283.5, report.getDouble("temp"));
        assertEquals(40.0, report.getDouble("humidity"));
        assertEquals(1_714_540_003L, report.getLong("sunrise"));
        assertTrue(report.isNull("pressure"), "an absent field stays unset");

        Row lap = client.session.execute(SimpleStatement.newInstance(
                "SELECT date, lap_time, fresh_tyre, position FROM kafkapipeline.lapsummary WHERE session_key = ? AND driver = 'VER' AND lap_number = 4",
                session)).one();
        assertEquals(Instant.parse("2018-04-29T13:10:00Z"), lap.getInstant("date"));
        assertEquals("1:45.123", lap.getString("lap_time"));
        assertFalse(lap.getBoolean("fresh_tyre"));
        assertEquals(1, lap.getInt("position"));
    }

    @Test
    void badRecordsGoToTheDeadLetterQueueWithTheReasonAndGoodOnesLand(NativeStack stack) {
        String prefix = "mixed-" + System.nanoTime() + "-";
        int good = 30;
        for (int i = 0; i < good; i++) {
            client.send(Topics.FAKER, prefix + "good-" + i, FakerRecords.person(prefix + "good-" + i, i));
            if (i == 10) {
                client.send(Topics.FAKER, prefix + "bad-json", "{not json".getBytes(StandardCharsets.UTF_8));
                Map<String, Object> noName = FakerRecords.person(prefix + "x", i);
                noName.remove("name");
                client.send(Topics.FAKER, prefix + "bad-key", noName);
                Map<String, Object> badYear = FakerRecords.person(prefix + "bad-year", i);
                badYear.put("year", "nineteen");
                client.send(Topics.FAKER, prefix + "bad-year", badYear);
            }
        }

        Eventually.holds(good + " good rows", LANDING, () -> FakerRecords.rowsNamed(client.session, prefix + "good-") == good);
        Map<String, String> reasons = DeadLetterReasons.read(stack.serviceEnvironment(), Topics.FAKER, prefix, 3, LANDING);
        assertEquals(Set.of(prefix + "bad-json", prefix + "bad-key", prefix + "bad-year"), reasons.keySet());
        assertTrue(reasons.get(prefix + "bad-year").contains("value.year = \"nineteen\" does not fit column year (int)"),
                reasons.get(prefix + "bad-year"));
        assertTrue(reasons.get(prefix + "bad-key").contains("value.name"), reasons.get(prefix + "bad-key"));
        assertEquals(0, FakerRecords.rowsNamed(client.session, prefix + "bad-year"));
        assertTrue(client.taskState("faker-sink").startsWith("RUNNING"), client.taskState("faker-sink"));
    }

    @Test
    void aKilledWorkerLosesNoRecord(NativeStack stack) {
        String prefix = "killed-" + System.nanoTime() + "-";
        int n = 400;
        for (int i = 0; i < n / 2; i++) {
            client.send(Topics.FAKER, prefix + i, FakerRecords.person(prefix + i, i));
        }
        Eventually.holds("some rows before the kill", LANDING, () -> FakerRecords.rowsNamed(client.session, prefix) > 0);
        stack.kill("connect");
        for (int i = n / 2; i < n; i++) {
            client.send(Topics.FAKER, prefix + i, FakerRecords.person(prefix + i, i));
        }
        stack.start("connect");
        Eventually.holds("all " + n + " rows after the restart", Duration.ofSeconds(180), () -> FakerRecords.rowsNamed(client.session, prefix) == n);
    }

    @Test
    void aCassandraOutageStallsTheTaskAndLosesNoRecord(NativeStack stack) {
        String prefix = "outage-" + System.nanoTime() + "-";
        int n = 400;
        for (int i = 0; i < n / 2; i++) {
            client.send(Topics.FAKER, prefix + i, FakerRecords.person(prefix + i, i));
        }
        Eventually.holds("some rows before the outage", LANDING, () -> FakerRecords.rowsNamed(client.session, prefix) > 0);
        stack.stop("cassandra");
        long outageEnds = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<TopicPartition, Long> beforeOutage = KafkaOffsets.end(stack.kafkaBootstrap(), Topics.FAKER);
        for (int i = n / 2; i < n; i++) {
            client.send(Topics.FAKER, prefix + i, FakerRecords.person(prefix + i, i));
        }
        while (System.nanoTime() < outageEnds) {
            String state = client.taskState("faker-sink");
            assertFalse(state.startsWith("FAILED"), "the task must stall, not fail: " + state);
            // The worker commits every 5 s: a record sent during the outage is read but never acknowledged.
            KafkaOffsets.committed(stack.kafkaBootstrap(), "connect-faker-sink").forEach((partition, committed) ->
                    assertTrue(committed.offset() <= beforeOutage.getOrDefault(partition, 0L),
                            partition + " committed at " + committed.offset() + " during the outage, past the records sent before it"));
            pause(Duration.ofSeconds(1));
        }
        stack.start("cassandra");
        Eventually.holds("all " + n + " rows after Cassandra is back", Duration.ofSeconds(180), () -> FakerRecords.rowsNamed(client.session, prefix) == n);
        assertTrue(client.taskState("faker-sink").startsWith("RUNNING"), client.taskState("faker-sink"));
    }
}
