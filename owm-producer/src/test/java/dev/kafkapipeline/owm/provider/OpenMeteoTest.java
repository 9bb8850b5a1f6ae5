package dev.kafkapipeline.owm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kafkapipeline.owm.Recorded;
import dev.kafkapipeline.owm.config.Units;
import dev.kafkapipeline.owm.provider.WeatherApiException.Kind;
import dev.kafkapipeline.owm.report.WeatherReport;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenMeteoTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenMeteo openMeteo(Units units) {
        HttpGateway http = new HttpGateway(Duration.ofSeconds(2), Duration.ofSeconds(2), Optional.empty());
        return new OpenMeteo(http, server.url("/geo").toString(), server.url("/wx").toString(), units, Clock.systemUTC());
    }

    @Test
    void geocodesOnceThenMapsCurrentWeatherToKelvin() throws Exception {
        OpenMeteo meteo = openMeteo(Units.STANDARD);
        server.enqueue(Recorded.json(200, "open-meteo-geocoding-melbourne.json"));
        server.enqueue(Recorded.json(200, "open-meteo-forecast-melbourne.json"));
        server.enqueue(Recorded.json(200, "open-meteo-forecast-melbourne.json"));

        WeatherReport report = meteo.current("Melbourne");
        // 18.3 °C = 291.45 K; 16.9 °C = 290.05 K; 12.9 °C = 286.05 K; 24.1 °C = 297.25 K
        assertEquals(new WeatherReport("Melbourne", Instant.parse("2024-11-28T07:00:00Z"), "overcast",
                291.45, 290.05, 286.05, 297.25, 1015.2, 62, 4.1, 1732732051L, 1732783812L), report);
        meteo.current("Melbourne");

        HttpUrl geocoding = server.takeRequest(5, TimeUnit.SECONDS).getUrl();
        assertEquals("/geo/v1/search", geocoding.encodedPath());
        assertEquals("Melbourne", geocoding.queryParameter("name"));
        HttpUrl forecast = server.takeRequest(5, TimeUnit.SECONDS).getUrl();
        assertEquals("/wx/v1/forecast", forecast.encodedPath());
        assertEquals("-37.814", forecast.queryParameter("latitude"));
        assertEquals("144.96332", forecast.queryParameter("longitude"));
        assertEquals("ms", forecast.queryParameter("wind_speed_unit"));
        assertEquals("/wx/v1/forecast", server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath(), "no second geocoding");
    }

    @Test
    void metricKeepsCelsiusAndImperialAsksForFahrenheitAndMph() throws Exception {
        OpenMeteo metric = openMeteo(Units.METRIC);
        server.enqueue(Recorded.json(200, "open-meteo-geocoding-melbourne.json"));
        server.enqueue(Recorded.json(200, "open-meteo-forecast-melbourne.json"));
        assertEquals(18.3, metric.current("Melbourne").temp());

        HttpUrl url = openMeteo(Units.IMPERIAL).forecastRequest(new OpenMeteo.Place(1, 2));
        assertEquals("fahrenheit", url.queryParameter("temperature_unit"));
        assertEquals("mph", url.queryParameter("wind_speed_unit"));
    }

    @Test
    void aCountryCodeNarrowsTheGeocoding() {
        HttpUrl url = openMeteo(Units.STANDARD).geocodingRequest("Perth,AU");
        assertEquals("Perth", url.queryParameter("name"));
        assertEquals("AU", url.queryParameter("countryCode"));
    }

    @Test
    void anUnknownCityIsNotFound() {
        server.enqueue(Recorded.json(200, "open-meteo-geocoding-none.json"));
        WeatherApiException e = assertThrows(WeatherApiException.class, () -> openMeteo(Units.STANDARD).current("Atlantis"));
        assertEquals(Kind.CITY_NOT_FOUND, e.kind());
        assertEquals("Open-Meteo's geocoding does not know city 'Atlantis'", e.getMessage());
    }

    @Test
    void failuresAreSortedLikeOpenWeatherMaps() {
        OpenMeteo meteo = openMeteo(Units.STANDARD);
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30").body("{\"error\":true,\"reason\":\"Too many requests\"}").build());
        WeatherApiException limited = assertThrows(WeatherApiException.class, () -> meteo.current("Melbourne"));
        assertEquals(Kind.RATE_LIMITED, limited.kind());
        assertEquals(Optional.of(Duration.ofSeconds(30)), limited.retryAfter());

        server.enqueue(new MockResponse.Builder().code(503).body("Service Unavailable").build());
        assertEquals(Kind.UNAVAILABLE, assertThrows(WeatherApiException.class, () -> meteo.current("Melbourne")).kind());

        server.enqueue(Recorded.json(200, "open-meteo-geocoding-melbourne.json"));
        server.enqueue(Recorded.json(400, "open-meteo-400.json"));
        WeatherApiException rejected = assertThrows(WeatherApiException.class, () -> meteo.current("Melbourne"));
        assertEquals(Kind.MALFORMED, rejected.kind());
        assertEquals("Open-Meteo forecast answered 400 for 'Melbourne': Latitude must be in range of -90 to 90°. Given: -137.8.",
                rejected.getMessage());
    }
}
