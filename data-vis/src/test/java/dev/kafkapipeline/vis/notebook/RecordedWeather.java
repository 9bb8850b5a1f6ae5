package dev.kafkapipeline.vis.notebook;

import dev.kafkapipeline.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * OpenWeatherMap answers recorded by the weather producer's tests
 * (owm-producer/src/test/resources/responses, which this module's build copies to
 * recorded/owm), served twice per city: as recorded, then with the report time
 * {@link #LATER} later. The recordings hold one report per city and the weather
 * chart needs two points per city to draw a line; only "dt" changes, every
 * reading is as recorded.
 */
final class RecordedWeather {
    static final Duration LATER = Duration.ofHours(1);
    private static final String FOLDER = "/recorded/owm/";
    private static final List<String> RECORDINGS = List.of("owm-melbourne-200.json", "owm-adelaide-200.json");
    private static final String CITY_NOT_FOUND = "owm-404.json";

    /** A weatherreport row the replay must lead to: its primary key. */
    record Report(String location, Instant reportTime) {}

    private final List<Map<String, Object>> recorded;

    private RecordedWeather(List<Map<String, Object>> recorded) {
        this.recorded = recorded;
    }

    static RecordedWeather load() {
        return new RecordedWeather(RECORDINGS.stream().map(name -> Json.readObject(read(name))).toList());
    }

    /** The recorded cities, in the order the producer must ask for them (its OWM_CITIES). */
    List<String> cities() {
        return recorded.stream().map(answer -> (String) answer.get("name")).toList();
    }

    /** Every report the producer is served, in the order served. */
    List<Report> reports() {
        List<Report> reports = new ArrayList<>();
        for (Duration shift : List.of(Duration.ZERO, LATER)) {
            for (Map<String, Object> answer : recorded) {
                reports.add(new Report((String) answer.get("name"), reportTime(answer).plus(shift)));
            }
        }
        return reports;
    }

    /**
     * The answers in the order the producer asks: each city as recorded, each city
     * an hour later, then "city not found" for each, which takes every city out of
     * the rotation, so the source ends and the producer loop returns.
     */
    List<MockResponse> responses() {
        List<MockResponse> responses = new ArrayList<>();
        for (Map<String, Object> answer : recorded) {
            responses.add(json(200, Json.toText(answer)));
        }
        for (Map<String, Object> answer : recorded) {
            Map<String, Object> later = new LinkedHashMap<>(answer);
            later.put("dt", reportTime(answer).plus(LATER).getEpochSecond());
            responses.add(json(200, Json.toText(later)));
        }
        String notFound = new String(read(CITY_NOT_FOUND), StandardCharsets.UTF_8);
        for (int i = 0; i < recorded.size(); i++) {
            responses.add(json(404, notFound));
        }
        return responses;
    }

    private static Instant reportTime(Map<String, Object> answer) {
        return Instant.ofEpochSecond(((Number) answer.get("dt")).longValue());
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
    }

    private static byte[] read(String name) {
        try (InputStream in = RecordedWeather.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("no recorded response " + FOLDER + name + " on the test classpath"
                        + " (data-vis/pom.xml copies it from owm-producer/src/test/resources/responses)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recorded response " + name, e);
        }
    }
}
