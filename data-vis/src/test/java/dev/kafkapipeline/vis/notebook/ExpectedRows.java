package dev.kafkapipeline.vis.notebook;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.local.stack.Poll;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rows the sink must have written for what the producers sent: laps per
 * driver of one session, people by name, weather reports by location and time.
 */
record ExpectedRows(String sessionKey, Map<String, Integer> lapsPerDriver, List<String> people, List<RecordedWeather.Report> weather) {
    private static final Duration POLL_EVERY = Duration.ofMillis(500);

    /**
     * Polls the tables until every expected row is there; fails after the timeout,
     * naming what is still missing and the sink's log (records it refuses go to the
     * topic's .dlq twin, so a refused record shows only as a missing row).
     */
    void awaitIn(CqlSession session, CassandraSettings settings, Duration timeout, Path sinkLog) {
        AtomicReference<List<String>> missing = new AtomicReference<>();
        if (!Poll.until(() -> {
            missing.set(missingFrom(session, settings));
            return missing.get().isEmpty();
        }, timeout, POLL_EVERY)) {
            throw new AssertionError("after " + timeout.toSeconds() + " s the sink has not written: " + String.join("; ", missing.get())
                    + " (see " + sinkLog + ")");
        }
    }

    /** What is not in the tables yet, one entry per table; empty when everything is. */
    List<String> missingFrom(CqlSession session, CassandraSettings settings) {
        String ks = settings.keyspace();
        List<String> missing = new ArrayList<>();

        Map<String, Integer> laps = new TreeMap<>();
        for (Row row : session.execute(SimpleStatement.newInstance(
                "SELECT driver FROM " + ks + "." + settings.fastf1Table() + " WHERE session_key = ?", sessionKey))) {
            laps.merge(row.getString("driver"), 1, Integer::sum);
        }
        Map<String, String> lapsShort = new LinkedHashMap<>();
        lapsPerDriver.forEach((driver, count) -> {
            int found = laps.getOrDefault(driver, 0);
            if (found < count) {
                lapsShort.put(driver, found + " of " + count);
            }
        });
        if (!lapsShort.isEmpty()) {
            missing.add(settings.fastf1Table() + " " + sessionKey + " laps " + lapsShort);
        }

        Set<String> names = new HashSet<>();
        for (Row row : session.execute("SELECT name FROM " + ks + "." + settings.fakerTable())) {
            names.add(row.getString("name"));
        }
        List<String> peopleMissing = people.stream().filter(name -> !names.contains(name)).toList();
        if (!peopleMissing.isEmpty()) {
            missing.add(settings.fakerTable() + " " + peopleMissing.size() + " of " + people.size() + " people, such as " + peopleMissing.get(0));
        }

        Set<RecordedWeather.Report> reports = new HashSet<>();
        for (Row row : session.execute("SELECT location, forecastdate FROM " + ks + "." + settings.weatherTable())) {
            reports.add(new RecordedWeather.Report(row.getString("location"), row.getInstant("forecastdate")));
        }
        List<RecordedWeather.Report> weatherMissing = weather.stream().filter(report -> !reports.contains(report)).toList();
        if (!weatherMissing.isEmpty()) {
            missing.add(settings.weatherTable() + " reports " + weatherMissing);
        }
        return missing;
    }
}
