package dev.kafkapipeline.owm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.owm.Recorded;
import dev.kafkapipeline.owm.config.ApiKey;
import dev.kafkapipeline.owm.config.Units;
import dev.kafkapipeline.owm.provider.WeatherApiException.Kind;
import dev.kafkapipeline.owm.report.WeatherReport;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenWeatherMapTest {
    static final String KEY = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final Instant NOW = Instant.parse("2024-11-28T07:00:30Z");

    private final MockWebServer server = new MockWebServer();
    private OpenWeatherMap owm;

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        HttpGateway http = new HttpGateway(Duration.ofSeconds(2), Duration.ofMillis(1500), Optional.of(new ApiKey(KEY)));
        owm = new OpenWeatherMap(http, server.url("/").toString(), new ApiKey(KEY), Units.STANDARD, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReportHasTheFieldsOfTheWeatherTopic() throws Exception {
        server.enqueue(Recorded.json(200, "owm-melbourne-200.json"));
        WeatherReport report = owm.current("Melbourne");
        assertEquals(new WeatherReport("Melbourne", Instant.parse("2024-11-28T07:00:00Z"), "broken clouds",
                291.48, 290.96, 289.82, 293.15, 1015, 63, 5.14, 1732732051L, 1732783812L), report);
        assertEquals("2024-11-28T07:00:00Z", report.fields().get("report_time"));

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        HttpUrl url = request.getUrl();
        assertEquals("/data/2.5/weather", url.encodedPath());
        assertEquals("Melbourne", url.queryParameter("q"));
        assertEquals(KEY, url.queryParameter("appid"));
        assertEquals("standard", url.queryParameter("units"));
    }

    @Test
    void invalidKeyIsItsOwnKindAndTheNumericCodIsRead() {
        server.enqueue(Recorded.json(401, "owm-401.json"));
        WeatherApiException e = assertThrows(WeatherApiException.class, () -> owm.current("Melbourne"));
        assertEquals(Kind.KEY_REJECTED, e.kind());
        assertTrue(e.getMessage().startsWith("OpenWeatherMap refused the API key (401: Invalid API key."), e.getMessage());
        assertNoKey(e);
    }

    @Test
    void unknownCityComesWithAStringCod() {
        server.enqueue(Recorded.json(404, "owm-404.json"));
        WeatherApiException e = assertThrows(WeatherApiException.class, () -> owm.current("Atlantis"));
        assertEquals(Kind.CITY_NOT_FOUND, e.kind());
        assertEquals("OpenWeatherMap does not know city 'Atlantis' (404: city not found)", e.getMessage());
    }

    @Test
    void aCodInsideA200BodyIsHonoured() throws Exception {
        WeatherApiException e = assertThrows(WeatherApiException.class, () -> OpenWeatherMap.parse("Atlantis",
                new ApiResponse(200, null, Recorded.body("owm-404.json").getBytes()), NOW));
        assertEquals(Kind.CITY_NOT_FOUND, e.kind());
    }

    @Test
    void tooManyCallsCarriesRetryAfterInSecondsOrAsADate() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").body(Recorded.body("owm-429.json")).build());
        WeatherApiException seconds = assertThrows(WeatherApiException.class, () -> owm.current("Melbourne"));
        assertEquals(Kind.RATE_LIMITED, seconds.kind());
        assertEquals(Optional.of(Duration.ofSeconds(120)), seconds.retryAfter());

        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "Thu, 28 Nov 2024 07:02:00 GMT")
                .body(Recorded.body("owm-429.json")).build());
        WeatherApiException date = assertThrows(WeatherApiException.class, () -> owm.current("Melbourne"));
        assertEquals(Optional.of(Duration.ofSeconds(90)), date.retryAfter());

        server.enqueue(Recorded.json(429, "owm-429.json"));
        WeatherApiException none = assertThrows(WeatherApiException.class, () -> owm.current("Melbourne"));
        assertEquals(Optional.empty(), none.retryAfter());
        assertNoKey(none);
    }

    @Test
    void serverErrorsAndTimeoutsAreUnavailable() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body(Recorded.body("owm-502.html")).build());
        WeatherApiException badGateway = assertThrows(WeatherApiException.class, () -> owm.current("Melbourne"));
        assertEquals(Kind.UNAVAILABLE, badGateway.kind());
        assertEquals("OpenWeatherMap answered 502 for 'Melbourne'", badGateway.getMessage());

        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body(Recorded.body("owm-melbourne-200.json")).build());
        WeatherApiException timeout = assertThrows(WeatherApiException.class, () -> owm.current("Melbourne"));
        assertEquals(Kind.UNAVAILABLE, timeout.kind());
        assertTrue(timeout.getMessage().startsWith("no answer in time from http://"), timeout.getMessage());
        assertNoKey(timeout);
    }

    @Test
    void aRefusedConnectionIsUnavailableAndKeepsTheKeyOut() throws Exception {
        HttpUrl closed = server.url("/");
        server.close();
        HttpGateway http = new HttpGateway(Duration.ofSeconds(2), Duration.ofSeconds(2), Optional.of(new ApiKey(KEY)));
        OpenWeatherMap offline = new OpenWeatherMap(http, closed.toString(), new ApiKey(KEY), Units.STANDARD, Clock.systemUTC());
        WeatherApiException e = assertThrows(WeatherApiException.class, () -> offline.current("Melbourne"));
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().startsWith("cannot reach http://"), e.getMessage());
        assertNoKey(e);
    }

    @Test
    void aMalformedBodyNamesWhatIsWrong() {
        server.enqueue(Recorded.json(200, "owm-truncated.json"));
        WeatherApiException cut = assertThrows(WeatherApiException.class, () -> owm.current("Melbourne"));
        assertEquals(Kind.MALFORMED, cut.kind());
        assertTrue(cut.getMessage().startsWith("OpenWeatherMap's answer for 'Melbourne' is not JSON: '{\"coord\""), cut.getMessage());

        server.enqueue(Recorded.json(200, "owm-missing-main.json"));
        WeatherApiException missing = assertThrows(WeatherApiException.class, () -> owm.current("Melbourne"));
        assertEquals(Kind.MALFORMED, missing.kind());
        assertEquals("answer for 'Melbourne' has no number in field 'temp'", missing.getMessage());
    }

    private static void assertNoKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(KEY), "key in " + t);
        }
    }
}
