package dev.kafkapipeline.owm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.owm.config.ApiKey;
import dev.kafkapipeline.owm.config.Units;
import dev.kafkapipeline.owm.provider.WeatherApiException.Kind;
import dev.kafkapipeline.owm.report.WeatherReport;
import java.time.Clock;
import java.time.Instant;
import okhttp3.HttpUrl;

/**
 * OpenWeatherMap's current weather, {@code /data/2.5/weather?q=CITY&appid=KEY&units=...}.
 * Its errors carry {@code cod}, a number for 401 and 429 but a string for 404,
 * so the code is read from the HTTP status and from {@code cod} of either type.
 */
public final class OpenWeatherMap implements WeatherProvider {
    private final HttpGateway http;
    private final HttpUrl baseUrl;
    private final ApiKey key;
    private final Units units;
    private final Clock clock;

    public OpenWeatherMap(HttpGateway http, String baseUrl, ApiKey key, Units units, Clock clock) {
        this.http = http;
        this.baseUrl = ResponseBodies.baseUrl(baseUrl, "OWM_BASE_URL");
        this.key = key;
        this.units = units;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "OpenWeatherMap";
    }

    @Override
    public WeatherReport current(String city) throws WeatherApiException, InterruptedException {
        HttpUrl url = baseUrl.newBuilder()
                .addPathSegments("data/2.5/weather")
                .addQueryParameter("q", city)
                .addQueryParameter("appid", key.reveal())
                .addQueryParameter("units", units.parameter())
                .build();
        return parse(city, http.get(url), clock.instant());
    }

    /** The report in an answer for {@code city}, or why there is none. Pure: no I/O. */
    public static WeatherReport parse(String city, ApiResponse response, Instant now) throws WeatherApiException {
        JsonNode body = ResponseBodies.readOrNull(response.body());
        int code = code(response.status(), body);
        String message = body != null && body.path("message").isTextual() ? body.path("message").asText() : "";
        switch (code) {
            case 200 -> { }
            case 401 -> throw new WeatherApiException(Kind.KEY_REJECTED,
                    "OpenWeatherMap refused the API key (401" + detail(message) + ")");
            case 404 -> throw new WeatherApiException(Kind.CITY_NOT_FOUND,
                    "OpenWeatherMap does not know city '" + city + "' (404" + detail(message) + ")");
            case 429 -> throw new WeatherApiException(Kind.RATE_LIMITED,
                    "OpenWeatherMap says too many calls (429" + detail(message) + ")", response.retryAfter(now));
            default -> {
                if (code >= 500) {
                    throw new WeatherApiException(Kind.UNAVAILABLE, "OpenWeatherMap answered " + code + " for '" + city + "'");
                }
                throw new WeatherApiException(Kind.MALFORMED, "OpenWeatherMap answered " + code + " for '" + city + "'" + detail(message));
            }
        }
        if (body == null) {
            throw new WeatherApiException(Kind.MALFORMED, "OpenWeatherMap's answer for '" + city + "' is not JSON: "
                    + ResponseBodies.preview(response.body()));
        }
        JsonNode main = body.path("main");
        JsonNode sys = body.path("sys");
        return new WeatherReport(
                city,
                Instant.ofEpochSecond(ResponseBodies.number(body, "dt", city).longValue()),
                body.path("weather").path(0).path("description").asText(""),
                ResponseBodies.number(main, "temp", city).doubleValue(),
                ResponseBodies.number(main, "feels_like", city).doubleValue(),
                ResponseBodies.number(main, "temp_min", city).doubleValue(),
                ResponseBodies.number(main, "temp_max", city).doubleValue(),
                ResponseBodies.number(main, "pressure", city).doubleValue(),
                ResponseBodies.number(main, "humidity", city).doubleValue(),
                ResponseBodies.number(body.path("wind"), "speed", city).doubleValue(),
                ResponseBodies.number(sys, "sunrise", city).longValue(),
                ResponseBodies.number(sys, "sunset", city).longValue());
    }

    /** The HTTP status, unless it is 200 and the body's {@code cod} (number or string) says otherwise. */
    private static int code(int status, JsonNode body) {
        if (status != 200 || body == null) {
            return status;
        }
        JsonNode cod = body.path("cod");
        if (cod.isNumber()) {
            return cod.asInt();
        }
        if (cod.isTextual() && cod.asText().matches("\\d{3}")) {
            return Integer.parseInt(cod.asText());
        }
        return status;
    }

    private static String detail(String message) {
        return message.isEmpty() ? "" : ": " + message;
    }
}
