package dev.kafkapipeline.owm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.owm.config.Units;
import dev.kafkapipeline.owm.provider.WeatherApiException.Kind;
import dev.kafkapipeline.owm.report.WeatherReport;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Open-Meteo, the keyless fallback: its geocoding API finds the city (once per
 * city), its forecast API gives the current weather, mapped to OpenWeatherMap's
 * fields and units. temp_min and temp_max are today's forecast range (Open-Meteo
 * has no "min/max observed in the area now"); pressure is at sea level, as
 * OpenWeatherMap's {@code main.pressure}.
 */
public final class OpenMeteo implements WeatherProvider {
    static final double KELVIN_OFFSET = 273.15;
    private static final String CURRENT = "temperature_2m,apparent_temperature,relative_humidity_2m,pressure_msl,wind_speed_10m,weather_code";
    private static final String DAILY = "sunrise,sunset,temperature_2m_max,temperature_2m_min";

    /** Where a city is. */
    public record Place(double latitude, double longitude) {}

    private final HttpGateway http;
    private final HttpUrl geocodingUrl;
    private final HttpUrl forecastUrl;
    private final Units units;
    private final Clock clock;
    private final Map<String, Place> places = new HashMap<>();

    public OpenMeteo(HttpGateway http, String geocodingUrl, String forecastUrl, Units units, Clock clock) {
        this.http = http;
        this.geocodingUrl = ResponseBodies.baseUrl(geocodingUrl, "OPEN_METEO_GEOCODING_URL");
        this.forecastUrl = ResponseBodies.baseUrl(forecastUrl, "OPEN_METEO_URL");
        this.units = units;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "Open-Meteo";
    }

    @Override
    public WeatherReport current(String city) throws WeatherApiException, InterruptedException {
        Place place = places.get(city);
        if (place == null) {
            place = parsePlace(city, http.get(geocodingRequest(city)), clock.instant());
            places.put(city, place);
        }
        return parseCurrent(city, http.get(forecastRequest(place)), units, clock.instant());
    }

    /** "Melbourne" or, as OpenWeatherMap also accepts, "Melbourne,AU" (the country narrows the search). */
    HttpUrl geocodingRequest(String city) {
        String[] parts = city.split(",");
        HttpUrl.Builder url = geocodingUrl.newBuilder()
                .addPathSegments("v1/search")
                .addQueryParameter("name", parts[0].strip())
                .addQueryParameter("count", "1")
                .addQueryParameter("language", "en")
                .addQueryParameter("format", "json");
        if (parts.length > 1 && parts[parts.length - 1].strip().length() == 2) {
            url.addQueryParameter("countryCode", parts[parts.length - 1].strip().toUpperCase(Locale.ROOT));
        }
        return url.build();
    }

    HttpUrl forecastRequest(Place place) {
        HttpUrl.Builder url = forecastUrl.newBuilder()
                .addPathSegments("v1/forecast")
                .addQueryParameter("latitude", Double.toString(place.latitude()))
                .addQueryParameter("longitude", Double.toString(place.longitude()))
                .addQueryParameter("current", CURRENT)
                .addQueryParameter("daily", DAILY)
                .addQueryParameter("timezone", "UTC")
                .addQueryParameter("timeformat", "unixtime")
                .addQueryParameter("forecast_days", "1");
        if (units == Units.IMPERIAL) {
            url.addQueryParameter("temperature_unit", "fahrenheit").addQueryParameter("wind_speed_unit", "mph");
        } else {
            url.addQueryParameter("wind_speed_unit", "ms");
        }
        return url.build();
    }

    /** The first geocoding result for {@code city}. Pure: no I/O. */
    public static Place parsePlace(String city, ApiResponse response, Instant now) throws WeatherApiException {
        JsonNode body = checked("geocoding", city, response, now);
        JsonNode first = body.path("results").path(0);
        if (first.isMissingNode()) {
            throw new WeatherApiException(Kind.CITY_NOT_FOUND, "Open-Meteo's geocoding does not know city '" + city + "'");
        }
        return new Place(ResponseBodies.number(first, "latitude", city).doubleValue(),
                ResponseBodies.number(first, "longitude", city).doubleValue());
    }

    /** The current weather in a forecast answer, in {@code units}. Pure: no I/O. */
    public static WeatherReport parseCurrent(String city, ApiResponse response, Units units, Instant now) throws WeatherApiException {
        JsonNode body = checked("forecast", city, response, now);
        JsonNode current = body.path("current");
        JsonNode daily = body.path("daily");
        return new WeatherReport(
                city,
                Instant.ofEpochSecond(ResponseBodies.number(current, "time", city).longValue()),
                WmoWeatherCode.describe(ResponseBodies.number(current, "weather_code", city).intValue()),
                temperature(ResponseBodies.number(current, "temperature_2m", city), units),
                temperature(ResponseBodies.number(current, "apparent_temperature", city), units),
                temperature(ResponseBodies.number(daily.path("temperature_2m_min"), 0, "temperature_2m_min", city), units),
                temperature(ResponseBodies.number(daily.path("temperature_2m_max"), 0, "temperature_2m_max", city), units),
                ResponseBodies.number(current, "pressure_msl", city).doubleValue(),
                ResponseBodies.number(current, "relative_humidity_2m", city).doubleValue(),
                ResponseBodies.number(current, "wind_speed_10m", city).doubleValue(),
                ResponseBodies.number(daily.path("sunrise"), 0, "sunrise", city).longValue(),
                ResponseBodies.number(daily.path("sunset"), 0, "sunset", city).longValue());
    }

    /** Open-Meteo speaks Celsius or Fahrenheit; OpenWeatherMap's standard units are Kelvin. */
    private static double temperature(Number value, Units units) {
        double degrees = value.doubleValue();
        return units == Units.STANDARD ? Math.round((degrees + KELVIN_OFFSET) * 100) / 100.0 : degrees;
    }

    private static JsonNode checked(String api, String city, ApiResponse response, Instant now) throws WeatherApiException {
        JsonNode body = ResponseBodies.readOrNull(response.body());
        String reason = body != null && body.path("reason").isTextual() ? ": " + body.path("reason").asText() : "";
        int status = response.status();
        if (status == 429) {
            throw new WeatherApiException(Kind.RATE_LIMITED, "Open-Meteo " + api + " says too many calls (429" + reason + ")",
                    response.retryAfter(now));
        }
        if (status >= 500) {
            throw new WeatherApiException(Kind.UNAVAILABLE, "Open-Meteo " + api + " answered " + status + " for '" + city + "'");
        }
        if (status != 200) {
            throw new WeatherApiException(Kind.MALFORMED, "Open-Meteo " + api + " answered " + status + " for '" + city + "'" + reason);
        }
        if (body == null) {
            throw new WeatherApiException(Kind.MALFORMED, "Open-Meteo " + api + " answer for '" + city + "' is not JSON: "
                    + ResponseBodies.preview(response.body()));
        }
        return body;
    }
}
