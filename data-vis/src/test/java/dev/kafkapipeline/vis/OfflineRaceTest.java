package dev.kafkapipeline.vis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.StackSettings;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.KafkaOffsets;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.testsupport.PipelineRun;
import dev.kafkapipeline.vis.cassandra.LapTable;
import dev.kafkapipeline.vis.data.LapRow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pipeline up --offline}, then {@code ./pipeline render}, as a user
 * runs them, on the build's shared stack (up finds its servers running and adds
 * the services): the F1 producer replays the 2018 Baku race from the archive
 * sample in the repository through Kafka, both sinks (the connector and the
 * consumers) write its laps to Cassandra, and within two minutes of up
 * returning render draws both race charts from those rows. The services it
 * starts are stopped at the end.
 *
 * <p>The replay is the one thing changed: a lap every 0.05 s instead of every
 * 0.5 s, and the two minutes shrink by the time that saves, so that the
 * pipeline's own delays are held to what the promise leaves them.
 */
@NativeStackTest
class OfflineRaceTest {
    private static final String BAKU = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";
    /** Verstappen's 40 laps (he crashed on lap 40) and Leclerc's 51. */
    private static final Map<String, Long> LAPS = Map.of("VER", 40L, "LEC", 51L);
    private static final List<String> SERVICES = List.of("consumers", "weather", "fastf1");
    /** up --offline's pause between laps (local's ProjectServiceTest pins it), and this test's. */
    private static final double USUAL_PAUSE = 0.5;
    private static final double TEST_PAUSE = 0.05;
    private static final long RACE_LAPS = LAPS.values().stream().mapToLong(Long::longValue).sum();
    private static final Duration PROMISE = Duration.ofMinutes(2);
    private static final Duration DEADLINE = PROMISE.minusMillis(Math.round(RACE_LAPS * (USUAL_PAUSE - TEST_PAUSE) * 1000));

    @TempDir
    Path charts;

    @Test
    void theRaceGoesThroughKafkaAndBothSinksAndIsDrawnWithoutTheInternet(NativeStack stack) throws Exception {
        StackSettings settings = stack.settings();
        EnvConfig env = PipelineRun.environment(stack, SERVICES).with(Map.of("SLEEP_TIME", Double.toString(TEST_PAUSE)));
        try {
            assertEquals(0, PipelineRun.run(env, "up", "--offline"), "up --offline");
            long upReturned = System.nanoTime();
            CassandraSettings cassandra = stack.cassandraSettings();
            try (CqlSession session = CassandraSessions.open(cassandra)) {
                LapTable laps = new LapTable(session, cassandra);
                Eventually.holds("every lap of the race in lapsummary and committed by both sinks", DEADLINE, () ->
                        lapsPerDriver(laps.laps(BAKU, LAPS.keySet())).equals(LAPS)
                                && committed(stack, "connect-fastf1-sink") == RACE_LAPS && committed(stack, "consumers-all") == RACE_LAPS);
            }
            long arrived = System.nanoTime();
            assertEquals(RACE_LAPS, KafkaOffsets.end(stack.kafkaBootstrap(), "fastf1").values().stream().mapToLong(Long::longValue).sum(),
                    "each lap went through the fastf1 topic once");
            assertEquals(0, PipelineRun.run(env, "render", "--out", charts.toString()), "render");
            System.out.printf("OfflineRaceTest: every lap in Cassandra %.1f s after up returned (%.1f s at the usual pace), charts drawn %.1f s after that%n",
                    (arrived - upReturned) / 1e9, (arrived - upReturned) / 1e9 + (PROMISE.minus(DEADLINE)).toMillis() / 1e3,
                    (System.nanoTime() - arrived) / 1e9);
            for (String chart : List.of(RenderCommand.LAP_TIME_FILE, RenderCommand.TYRE_STRATEGY_FILE)) {
                BufferedImage image = ImageIO.read(charts.resolve(chart).toFile());
                assertTrue(image != null && image.getWidth() > 0, chart + " is a PNG");
            }
            assertTrue(Files.notExists(charts.resolve(RenderCommand.WEATHER_FILE)), "no weather, no weather chart");
            String f1Log = Files.readString(stack.logFile("fastf1"));
            assertTrue(f1Log.contains("from [" + settings.module("f1-producer/archive-sample").toUri()), "the laps came from the sample: " + f1Log);
            assertTrue(Files.readString(stack.logFile("weather")).contains("offline: no weather to report"), "the weather producer says why it is idle");
        } finally {
            SERVICES.forEach(stack::stop);
        }
    }

    private static Map<String, Long> lapsPerDriver(List<LapRow> laps) {
        return laps.stream().collect(Collectors.groupingBy(LapRow::driver, Collectors.counting()));
    }

    private static long committed(NativeStack stack, String group) {
        return KafkaOffsets.committed(stack.kafkaBootstrap(), group).values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }
}
