package dev.kafkapipeline.owm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.owm.config.ApiKey;
import dev.kafkapipeline.owm.config.Units;
import dev.kafkapipeline.owm.config.WeatherSettings;
import dev.kafkapipeline.owm.provider.HttpGateway;
import dev.kafkapipeline.testsupport.LoopbackPort;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The failure policy end to end: real providers, real HTTP, recorded answers, the waits observed instead of spent. */
class WeatherSourceTest {
    private static final String KEY = "0b1c2d3e4f5a69788796a5b4c3d2e1f0";

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();
    private CapturedLog log;

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        log = new CapturedLog();
    }

    @AfterEach
    void stop() {
        log.close();
        server.close();
        for (String line : log.lines()) {
            assertFalse(line.contains(KEY), "the key leaked into the log: " + line);
        }
    }

    private WeatherSource source(Optional<ApiKey> key, String... cities) {
        WeatherSettings settings = new WeatherSettings(key, "test", List.of(cities), Units.STANDARD,
                server.url("/owm").toString(), server.url("/geo").toString(), server.url("/wx").toString());
        HttpGateway http = new HttpGateway(Duration.ofSeconds(2), Duration.ofMillis(300), key);
        return WeatherProducerMain.source(settings, http, waits::add);
    }

    private String nextPath() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath();
    }

    @Test
    void citiesTakeTurnsKeyedByLocation() throws Exception {
        WeatherSource source = source(Optional.of(new ApiKey(KEY)), "Melbourne", "Adelaide");
        server.enqueue(Recorded.json(200, "owm-melbourne-200.json"));
        server.enqueue(Recorded.json(200, "owm-adelaide-200.json"));
        server.enqueue(Recorded.json(200, "owm-melbourne-200.json"));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            KeyedRecord record = source.next().orElseThrow();
            keys.add(record.key());
            assertEquals(List.of("location", "report_time", "description", "temp", "feels_like", "temp_min", "temp_max",
                    "pressure", "humidity", "wind", "sunrise", "sunset"), List.copyOf(record.fields().keySet()));
        }
        assertEquals(List.of("Melbourne", "Adelaide", "Melbourne"), keys);
        assertEquals(List.of(), waits);
    }

    @Test
    void aRefusedKeySwitchesToOpenMeteoOnceWithoutHammering() throws Exception {
        WeatherSource source = source(Optional.of(new ApiKey(KEY)), "Melbourne");
        server.enqueue(Recorded.json(401, "owm-401.json"));
        server.enqueue(Recorded.json(200, "open-meteo-geocoding-melbourne.json"));
        server.enqueue(Recorded.json(200, "open-meteo-forecast-melbourne.json"));

        assertEquals(Optional.empty(), source.next());
        assertEquals("Open-Meteo", source.provider().name());
        KeyedRecord record = source.next().orElseThrow();
        assertEquals("Melbourne", record.key());
        assertEquals(291.45, record.fields().get("temp"));

        assertEquals("/owm/data/2.5/weather", nextPath());
        assertEquals("/geo/v1/search", nextPath());
        assertEquals("/wx/v1/forecast", nextPath());
        assertEquals(3, server.getRequestCount(), "OpenWeatherMap was asked once");
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("ERROR OpenWeatherMap refused the API key (401")
                && l.contains("Using Open-Meteo")), log.lines().toString());
    }

    @Test
    void anUnknownCityIsSkippedAndTheOthersGoOn() throws Exception {
        WeatherSource source = source(Optional.of(new ApiKey(KEY)), "Atlantis", "Adelaide");
        server.enqueue(Recorded.json(404, "owm-404.json"));
        server.enqueue(Recorded.json(200, "owm-adelaide-200.json"));
        server.enqueue(Recorded.json(200, "owm-adelaide-200.json"));

        assertEquals(Optional.empty(), source.next());
        assertEquals("Adelaide", source.next().orElseThrow().key());
        assertEquals("Adelaide", source.next().orElseThrow().key());
        assertTrue(source.hasMore());
        assertTrue(log.lines().contains(
                "WARN OpenWeatherMap does not know city 'Atlantis' (404: city not found); skipping it, still reporting on [Adelaide]"),
                log.lines().toString());
    }

    @Test
    void whenNoCityIsLeftTheSourceEnds() throws Exception {
        WeatherSource source = source(Optional.of(new ApiKey(KEY)), "Atlantis");
        server.enqueue(Recorded.json(404, "owm-404.json"));
        assertEquals(Optional.empty(), source.next());
        assertFalse(source.hasMore());
    }

    @Test
    void tooManyCallsWaitsRetryAfterThenRetriesTheSameCity() throws Exception {
        WeatherSource source = source(Optional.of(new ApiKey(KEY)), "Melbourne", "Adelaide");
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").body(Recorded.body("owm-429.json")).build());
        server.enqueue(Recorded.json(429, "owm-429.json"));
        server.enqueue(Recorded.json(200, "owm-melbourne-200.json"));

        assertEquals(Optional.empty(), source.next());
        assertEquals(Optional.empty(), source.next());
        assertEquals("Melbourne", source.next().orElseThrow().key());
        assertEquals(List.of(Duration.ofSeconds(120), WeatherSource.RATE_LIMIT_WAIT), waits);
    }

    @Test
    void serverErrorsAndTimeoutsBackOffThenRetryTheSameCity() throws Exception {
        WeatherSource source = source(Optional.of(new ApiKey(KEY)), "Melbourne", "Adelaide");
        server.enqueue(new MockResponse.Builder().code(502).body(Recorded.body("owm-502.html")).build());
        server.enqueue(new MockResponse.Builder().code(503).body("").build());
        server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body(Recorded.body("owm-melbourne-200.json")).build());
        server.enqueue(Recorded.json(200, "owm-melbourne-200.json"));
        server.enqueue(Recorded.json(200, "owm-adelaide-200.json"));

        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), source.next());
        }
        assertEquals("Melbourne", source.next().orElseThrow().key());
        assertEquals("Adelaide", source.next().orElseThrow().key());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20)), waits);
    }

    /** Offline: nothing to report, said in one line a try, and it goes on trying the same city. */
    @Test
    void withNoProviderAnsweringItSaysSoOnceATryAndKeepsTrying() throws Exception {
        int closedPort = LoopbackPort.free();
        String nowhere = "http://127.0.0.1:" + closedPort;
        WeatherSettings settings = new WeatherSettings(Optional.empty(), "test", List.of("Melbourne", "Adelaide"), Units.STANDARD,
                nowhere + "/owm", nowhere + "/geo", nowhere + "/wx");
        WeatherSource source = WeatherProducerMain.source(settings, new HttpGateway(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Optional.empty()), waits::add);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), source.next());
            assertTrue(source.hasMore());
        }
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20)), waits);
        List<String> lines = log.lines().stream().filter(l -> l.contains("Open-Meteo")).toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).startsWith("WARN nothing to report: Open-Meteo unavailable (cannot reach " + nowhere + "/geo/v1/search: "),
                lines.get(2));
        assertTrue(lines.get(2).endsWith("); retrying 'Melbourne' in 20 s (failures in a row: 3)"), lines.get(2));
    }

    @Test
    void backoffIsCappedAtFiveMinutes() {
        assertEquals(Duration.ofSeconds(5), WeatherSource.BACKOFF.after(1));
        assertEquals(Duration.ofSeconds(160), WeatherSource.BACKOFF.after(6));
        assertEquals(Duration.ofMinutes(5), WeatherSource.BACKOFF.after(7));
    }

    @Test
    void aMalformedAnswerIsLoggedAndSkipped() throws Exception {
        WeatherSource source = source(Optional.of(new ApiKey(KEY)), "Melbourne", "Adelaide");
        server.enqueue(Recorded.json(200, "owm-truncated.json"));
        server.enqueue(Recorded.json(200, "owm-adelaide-200.json"));

        assertEquals(Optional.empty(), source.next());
        assertEquals("Adelaide", source.next().orElseThrow().key(), "the next city, not a retry");
        assertEquals(List.of(), waits);
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("WARN OpenWeatherMap's answer for 'Melbourne' is not JSON")
                && l.endsWith("; skipping this report")), log.lines().toString());
    }

    @Test
    void withoutAKeyOpenMeteoIsUsedFromTheStart() throws Exception {
        WeatherSource source = source(Optional.empty(), "Melbourne");
        server.enqueue(Recorded.json(200, "open-meteo-geocoding-melbourne.json"));
        server.enqueue(Recorded.json(200, "open-meteo-forecast-melbourne.json"));
        assertEquals("Open-Meteo", source.provider().name());
        assertEquals("overcast", source.next().orElseThrow().fields().get("description"));
        assertEquals("/geo/v1/search", nextPath());
    }
}
