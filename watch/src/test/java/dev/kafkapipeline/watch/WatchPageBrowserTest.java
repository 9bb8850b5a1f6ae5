package dev.kafkapipeline.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.common.service.ExitStatus;
import dev.kafkapipeline.common.service.ServiceExit;
import dev.kafkapipeline.common.service.ServiceRunner;
import dev.kafkapipeline.consumers.ConsumersMain;
import dev.kafkapipeline.f1.F1ProducerMain;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.testsupport.F1Archive;
import dev.kafkapipeline.testsupport.KafkaOffsets;
import dev.kafkapipeline.testsupport.LoopbackPort;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.watch.web.WatchServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page in Debian's headless Chromium against the native stack, no
 * stand-ins: the F1 producer replays the 2018 Baku race (all drivers, from the
 * archive sample) into Kafka while the consumers and the Connect sink write it
 * to Cassandra. The page must load, its flow numbers must grow while the
 * producer sends, the race's laps must appear on the charts as they land (the
 * delay from a row being readable in Cassandra to the page drawing it is
 * measured and printed), a stopped consumer must show as stopped, and a page
 * whose Connect does not answer must say so in that tile while the others carry
 * on. It takes the screenshot the README shows (target/watch-page.png).
 */
@NativeStackTest
class WatchPageBrowserTest {
    private static final String BAKU = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";
    /** Baku's 1 h 43 min in about half a minute. */
    private static final String REPLAY_SPEED = "200";
    private static final String CONSUMER_GROUP = "consumers-fastf1";
    private static final Duration PAGE = Duration.ofSeconds(60);
    private static final Duration RACE = Duration.ofMinutes(5);
    /** Generous for a loaded build machine; the measured delay is printed, and the README reports it. */
    private static final Duration LAP_DELAY_BOUND = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    @Test
    void theFlowAndTheRaceUnfoldLiveAndStoppedPartsSaySo(NativeStack stack) throws Exception {
        Browser.assumeInstalled();
        long started = System.nanoTime();
        assertFalse(stack.registerSinks().isEmpty(), "no sink registered: kafka/connect/target/plugin holds no plugin jar");
        ExecutorService background = Executors.newFixedThreadPool(3);
        ServiceRunner consumers = ConsumersMain.runner();
        try (WatchServer server = WatchServer.start(WatchSettings.forStack(stack, 0));
             Browser browser = Browser.start(temp, 1400, 1500);
             CqlSession cassandra = CassandraSessions.open(stack.cassandraSettings())) {
            WebDriver page = browser.driver();
            page.get("http://127.0.0.1:" + server.port() + "/");
            PageReader reader = new PageReader(page);

            // The page loads, and every part of the stack answers.
            reader.await("the flow's first update", PAGE, () -> reader.text("#updated").startsWith("updated"));
            reader.await("the topics tile lists fastf1", PAGE, () -> !reader.texts("#topics tr[data-name='fastf1'] .end").isEmpty());
            reader.await("the connectors answer", PAGE, () -> reader.texts("#write-paths tr[data-name='fastf1-sink'] .state").equals(List.of("RUNNING")));
            // Right after the start a tile may say its server is being connected to; then none may say it is down.
            reader.await("every tile shows its part", PAGE, () -> reader.texts(".tile.is-down h2").isEmpty());

            Future<ServiceExit> consumerRun = background.submit(() -> {
                return consumers.run(stack.serviceEnvironment().with(Map.of("TOPIC_NAME", "fastf1", "CONSUMER_GROUP", CONSUMER_GROUP)));
            });
            reader.await("the consumer group runs", PAGE, () -> reader.texts("#write-paths tr[data-name='" + CONSUMER_GROUP + "'] .state").equals(List.of("running")));

            LapArrivals arrivals = new LapArrivals(cassandra, stack.cassandraSettings().keyspace() + "." + stack.cassandraSettings().fastf1Table(), BAKU);
            Future<?> rowWatch = background.submit(arrivals);
            Future<ServiceExit> producer = background.submit(() -> F1ProducerMain.runner().run(stack.serviceEnvironment().with(Map.of(
                    "F1_ARCHIVE_URL", F1Archive.root().toUri().toString(),
                    "F1_SESSION", BAKU,
                    "F1_DRIVERS", "all",
                    "F1_REPLAY_SPEED", REPLAY_SPEED))));

            // The flow's numbers grow while the producer sends.
            reader.await("fastf1 records on the page", RACE, () -> reader.number("#producers tr[data-name='fastf1'] .sent") > 0);
            long firstSent = reader.number("#producers tr[data-name='fastf1'] .sent");
            reader.await("more fastf1 records on the page than " + firstSent, RACE,
                    () -> reader.number("#producers tr[data-name='fastf1'] .sent") > firstSent + 20);
            reader.await("lapsummary's rows grow on the page", RACE, () -> reader.number("#tables tr[data-name='kafkapipeline.lapsummary'] .rows") > 20);
            assertTrue(!producer.isDone(), "the producer was still sending while the numbers grew");

            // The race's laps appear as they land.
            PageLaps pageLaps = new PageLaps(reader);
            while (!producer.isDone() || pageLaps.latest() < arrivals.latest() || arrivals.latest() < expectedLaps(stack)) {
                assertTrue(System.nanoTime() - started < Duration.ofMinutes(10).toNanos(), "the race did not finish on the page");
                pageLaps.sample();
                Thread.sleep(50); // the sampling interval, not a wait for readiness: the loop ends on the counts
                if (producer.isDone()) {
                    assertEquals(ExitStatus.DONE, producer.get().status(), "the F1 producer's exit: " + producer.get().message());
                }
            }
            arrivals.stop();
            rowWatch.get(30, TimeUnit.SECONDS);
            long laps = expectedLaps(stack);
            assertEquals(laps, arrivals.latest(), "rows of the race in Cassandra: one per lap sent");
            assertEquals(laps, pageLaps.latest(), "laps drawn on the page");
            assertTrue(pageLaps.distinctCounts() >= 10, "the laps arrived a few at a time, not at once: " + pageLaps.distinctCounts() + " steps");
            LapDelays delays = LapDelays.between(arrivals.firstSeen(), pageLaps.firstSeen());
            System.out.println("WatchPageBrowserTest: " + laps + " laps; from readable in Cassandra to drawn on the page: " + delays);
            assertTrue(delays.max().compareTo(LAP_DELAY_BOUND) < 0, "laps appeared too late: " + delays);

            assertEquals("2018 Azerbaijan Grand Prix Race", reader.text("#race-title"));
            assertTrue(reader.texts("#legend").get(0).contains("safety car: laps 1–5"), reader.texts("#legend").toString());
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/watch-page.png"), ((org.openqa.selenium.TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));

            // A stopped consumer shows as stopped.
            consumers.stop();
            assertEquals(ExitStatus.DONE, consumerRun.get(60, TimeUnit.SECONDS).status(), "the consumers stopped cleanly");
            reader.await("the stopped consumer group shows as stopped", PAGE,
                    () -> reader.texts("#write-paths tr[data-name='" + CONSUMER_GROUP + "'] .state").equals(List.of("stopped")));
            assertEquals(List.of(), browser.console().stream().filter(line -> !line.contains("favicon.ico")).toList(),
                    "what the page's scripts logged");
        } finally {
            consumers.stop();
            background.shutdownNow();
            assertTrue(background.awaitTermination(60, TimeUnit.SECONDS), "the producer, consumers and row watch stopped");
        }
        System.out.printf("WatchPageBrowserTest: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** A page whose Connect does not answer says so in the write-paths tile; the rest keeps updating. */
    @Test
    void aPartThatIsDownSaysSoInItsTileAndTheOthersKeepUpdating(NativeStack stack) throws Exception {
        Browser.assumeInstalled();
        String nowhere = "http://127.0.0.1:" + LoopbackPort.free();
        WatchSettings withoutConnect = new WatchSettings(WatchSettings.LOOPBACK, 0, stack.serviceEnvironment(), nowhere,
                stack.cassandraSettings(), Optional.of(stack));
        try (WatchServer server = WatchServer.start(withoutConnect); Browser browser = Browser.start(temp, 1400, 1000)) {
            WebDriver page = browser.driver();
            page.get("http://127.0.0.1:" + server.port() + "/");
            PageReader reader = new PageReader(page);
            reader.await("the write-paths tile says Connect is down", PAGE, () -> reader.texts("#write-paths .down").stream()
                    .anyMatch(text -> text.contains("Kafka Connect at " + nowhere + " is not answering")));
            reader.await("only the tile of the part that is down says so", PAGE,
                    () -> reader.texts(".tile.is-down h2").equals(List.of("Write paths")));
            String first = reader.attribute("#updated", "data-at");
            reader.await("the flow updates after " + first, PAGE, () -> !reader.attribute("#updated", "data-at").equals(first));
            assertFalse(reader.texts("#topics tr[data-name='fastf1'] .end").isEmpty(), "the topics tile still shows its numbers");
        }
    }

    /** The laps the producer sent: the fastf1 topic's end offsets (the test's stack starts each class with empty topics). */
    private static long expectedLaps(NativeStack stack) {
        return KafkaOffsets.end(stack.kafkaBootstrap(), "fastf1").values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Reads the page through the driver, with explicit waits on real conditions.
     * The page redraws its tiles every second, so an element found in one call
     * can be gone by the next: each read is one script that finds and reads at once.
     */
    static final class PageReader {
        private final WebDriver page;

        PageReader(WebDriver page) {
            this.page = page;
        }

        void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
            new WebDriverWait(page, timeout, Duration.ofMillis(100)).withMessage(what).until(driver -> condition.getAsBoolean());
        }

        String text(String css) {
            List<String> found = texts(css);
            return found.isEmpty() ? "" : found.get(0);
        }

        List<String> texts(String css) {
            Object texts = ((JavascriptExecutor) page).executeScript(
                    "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent.trim())", css);
            return ((List<?>) texts).stream().map(String::valueOf).toList();
        }

        String attribute(String css, String name) {
            Object value = ((JavascriptExecutor) page).executeScript(
                    "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null", css, name);
            return String.valueOf(value);
        }

        /** A number as the page writes it (thousands separated), or -1 where it shows none. */
        long number(String css) {
            List<String> found = texts(css);
            String digits = found.isEmpty() ? "" : found.get(0).replaceAll("[^0-9]", "");
            return digits.isEmpty() ? -1 : Long.parseLong(digits);
        }

        /** The laps the race charts hold, as the page's script records after drawing them. */
        long lapsDrawn() {
            Object laps = ((JavascriptExecutor) page).executeScript("return document.getElementById('race').dataset.laps");
            return laps == null ? 0 : Long.parseLong(laps.toString());
        }
    }
}
