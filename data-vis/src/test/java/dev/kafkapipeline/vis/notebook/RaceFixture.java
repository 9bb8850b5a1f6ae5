package dev.kafkapipeline.vis.notebook;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import java.time.Instant;
import java.util.List;

/** A few rows in each table, enough for every notebook cell to have something to show. */
final class RaceFixture {
    static final String BAKU = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";

    private RaceFixture() {}

    static void fill(CqlSession session, CassandraSettings settings) {
        String ks = settings.keyspace();
        for (String table : List.of(settings.fastf1Table(), settings.weatherTable(), settings.fakerTable())) {
            session.execute("TRUNCATE " + ks + "." + table);
        }
        String lap = "INSERT INTO " + ks + "." + settings.fastf1Table() + " (session_key, driver, lap_number, session_name, "
                + "date, lap_time, tyre_compound, stint, fresh_tyre, pit_stop, pit_out, track_status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
        Instant start = Instant.parse("2018-04-29T12:10:00Z");
        Object[][] laps = {
            {"VER", 1, null, "SUPERSOFT", 1, false, false, false, "1,2,4"},
            {"VER", 2, "03:08.783", "SUPERSOFT", 1, false, false, false, "4"},
            {"VER", 3, "01:51.900", "SUPERSOFT", 1, false, true, false, "1"},
            {"VER", 4, "02:01.646", "ULTRASOFT", 2, true, false, true, "1"},
            {"VER", 5, "01:46.151", "ULTRASOFT", 2, true, false, false, "1"},
            {"LEC", 1, "02:05.000", "SUPERSOFT", 1, true, false, false, "1,2,4"},
            {"LEC", 2, "03:07.500", "SUPERSOFT", 1, true, false, false, "4"},
            {"LEC", 3, "01:52.685", "SUPERSOFT", 1, true, true, false, "1"},
            {"LEC", 4, "02:05.091", "SOFT", 2, true, false, true, "1"},
            {"LEC", 5, "01:47.632", "SOFT", 2, true, false, false, "1"},
        };
        for (Object[] l : laps) {
            session.execute(SimpleStatement.newInstance(lap, BAKU, l[0], l[1], "Race", start, l[2], l[3], l[4], l[5], l[6], l[7], l[8]));
        }
        String weather = "INSERT INTO " + ks + "." + settings.weatherTable()
                + " (location, forecastdate, description, temp, feels_like, humidity, wind) VALUES (?,?,?,?,?,?,?)";
        session.execute(SimpleStatement.newInstance(weather, "Baku", Instant.parse("2026-11-28T06:00:00Z"), "clear sky", 285.1, 283.9, 60.0, 5.5));
        session.execute(SimpleStatement.newInstance(weather, "Baku", Instant.parse("2026-11-28T07:00:00Z"), "few clouds", 286.0, 284.8, 58.0, 6.1));
        session.execute(SimpleStatement.newInstance(weather, "Vancouver", Instant.parse("2026-11-28T06:00:00Z"), "light rain", 277.4, 274.0, 91.0, 4.2));
        String person = "INSERT INTO " + ks + "." + settings.fakerTable() + " (name, city, country, year, job) VALUES (?,?,?,?,?)";
        session.execute(SimpleStatement.newInstance(person, "Ada Lovelace", "London", "United Kingdom", 1990, "engineer"));
        session.execute(SimpleStatement.newInstance(person, "Alan Turing", "Wilmslow", "United Kingdom", 1985, "mathematician"));
    }
}
