package dev.kafkapipeline.vis.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.vis.RenderCommand;
import dev.kafkapipeline.vis.RenderRequest;
import dev.kafkapipeline.vis.data.FakerRow;
import dev.kafkapipeline.vis.data.LapRow;
import dev.kafkapipeline.vis.data.WeatherRow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers against a real Cassandra node: column names and types as cassandra/*.cql declare them. */
@NativeStackTest
class TablesTest {
    private static final String BAKU = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";
    private static final String MIAMI = "2025/2025-05-04_Miami_Grand_Prix/2025-05-03_Sprint";
    private static final String MONZA_QUALI = "2019/2019-09-08_Italian_Grand_Prix/2019-09-07_Qualifying";

    private static CqlSession session;
    private static CassandraSettings settings;

    @BeforeAll
    static void fill(NativeStack stack) {
        settings = stack.cassandraSettings();
        session = CassandraSessions.open(settings);
        String ks = settings.keyspace();
        for (String table : List.of("lapsummary", "weatherreport", "fakerdata")) {
            session.execute("TRUNCATE " + ks + "." + table);
        }
        lap(BAKU, "VER", 1, "2018-04-29T12:10:00Z", null, null, "SUPERSOFT", 1, true, false, false, "1,4");
        lap(BAKU, "VER", 2, "2018-04-29T12:10:00Z", "01:53.201", 113_201, "SUPERSOFT", 1, true, true, false, "4");
        lap(BAKU, "VER", 3, "2018-04-29T12:10:00Z", "02:10.500", 130_500, "SOFT", 2, false, false, true, "1");
        lap(BAKU, "LEC", 1, "2018-04-29T12:10:00Z", "02:05.000", 125_000, "SUPERSOFT", 1, true, false, false, "1");
        lap(BAKU, "RIC", 1, "2018-04-29T12:10:00Z", "02:04.000", 124_000, "ULTRASOFT", 1, true, false, false, "1");
        lap(MIAMI, "VER", 1, "2025-05-03T16:00:00Z", "01:40.000", 100_000, "INTERMEDIATE", 1, true, false, false, "1");
        lap(MIAMI, "LEC", 1, "2025-05-03T16:00:00Z", "01:41.000", 101_000, "INTERMEDIATE", 1, true, false, false, "1");
        lap(MONZA_QUALI, "LEC", 1, "2019-09-07T13:00:00Z", "01:19.307", 79_307, "SOFT", 1, true, false, false, "1");
        session.execute(SimpleStatement.newInstance("INSERT INTO " + ks + ".weatherreport (location, forecastdate, description, "
                + "temp, feels_like, temp_min, temp_max, pressure, humidity, wind, sunrise, sunset) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                "Baku", Instant.parse("2026-11-28T06:00:00Z"), "clear sky", 285.1, 283.9, 284.0, 286.0, 1021.0, 60.0, 5.5,
                1764300000L, 1764340000L));
        session.execute(SimpleStatement.newInstance("INSERT INTO " + ks + ".weatherreport (location, forecastdate, temp, feels_like) "
                + "VALUES (?,?,?,?)", "Baku", Instant.parse("2026-11-28T05:00:00Z"), 284.2, 283.0));
        session.execute(SimpleStatement.newInstance("INSERT INTO " + ks + ".fakerdata (name, city, year, job) VALUES (?,?,?,?)",
                "Ada Lovelace", "London", 1990, "engineer"));
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void latestSessionIsTheOneThatRanLast() {
        LapTable laps = new LapTable(session, settings);
        assertEquals(List.of(MIAMI, MONZA_QUALI, BAKU), laps.sessionKeys());
        assertEquals(Optional.of(MIAMI), laps.latestSessionKey());
    }

    @Test
    void lapsOfTheChosenDriversWithEveryColumn() {
        LapTable table = new LapTable(session, settings);
        List<LapRow> laps = table.laps(BAKU, Set.of("VER", "LEC"));
        assertEquals(List.of("LEC/1", "VER/1", "VER/2", "VER/3"),
                laps.stream().map(l -> l.driver() + "/" + l.lapNumber()).sorted().toList());
        LapRow pitIn = laps.stream().filter(l -> l.driver().equals("VER") && l.lapNumber() == 2).findFirst().orElseThrow();
        assertEquals("01:53.201", pitIn.lapTime());
        assertEquals(113.201, pitIn.lapSeconds().orElseThrow());
        assertEquals("SUPERSOFT", pitIn.tyreCompound());
        assertEquals(1, pitIn.stint());
        assertEquals(Boolean.TRUE, pitIn.pitIn());
        assertEquals(Boolean.FALSE, pitIn.pitOut());
        assertEquals("4", pitIn.trackStatus());
        assertEquals(Instant.parse("2018-04-29T12:10:00Z"), pitIn.date());
        assertNull(pitIn.position(), "an unset int column reads as null, not 0");
        assertEquals(5, table.laps(BAKU, Set.of()).size(), "every driver when none is named");
    }

    @Test
    void weatherOldestFirstAndFakerRows() {
        List<WeatherRow> weather = new WeatherTable(session, settings).reports();
        assertEquals(List.of(284.2, 285.1), weather.stream().map(WeatherRow::temp).toList());
        assertEquals(1764300000L, weather.get(1).sunrise());
        assertNull(weather.get(0).wind());
        List<FakerRow> people = new FakerTable(session, settings).people(5);
        assertEquals(List.of(new FakerRow("Ada Lovelace", null, null, "London", null, null, 1990, "engineer",
                null, null, null, null, null, null, null, null)), people);
    }

    @Test
    void renderWritesTheThreeChartsAtTheFixedSize(@TempDir Path out) throws Exception {
        List<Path> written = RenderCommand.render(session, settings,
                RenderRequest.parse("--session", BAKU, "--out", out.toString()), "standard");
        assertEquals(List.of(out.resolve("lap_time.png"), out.resolve("tyre_strategy.png"), out.resolve("weather.png")), written);
        for (Path png : written) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(1200, image.getWidth(), png.toString());
            assertEquals(675, image.getHeight(), png.toString());
        }
    }

    @Test
    void renderNamesMissingDrivers(@TempDir Path out) {
        var error = assertThrows(RuntimeException.class, () -> RenderCommand.render(session, settings,
                RenderRequest.parse("--session", MIAMI, "--drivers", "VER,HAM", "--out", out.toString()), "standard"));
        assertEquals("session '" + MIAMI + "' has no laps for HAM", error.getMessage());
        assertTrue(Files.notExists(out.resolve("lap_time.png")));
    }

    /** A lap with its time as both columns hold it: the text users read and the milliseconds the reader uses. */
    private static void lap(String key, String driver, int lap, String date, String time, Integer millis, String compound, int stint,
            boolean fresh, boolean pitIn, boolean pitOut, String status) {
        session.execute(SimpleStatement.newInstance("INSERT INTO " + settings.keyspace() + ".lapsummary (session_key, driver, "
                + "lap_number, date, lap_time, lap_time_ms, tyre_compound, stint, fresh_tyre, pit_stop, pit_out, track_status) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", key, driver, lap, Instant.parse(date), time, millis, compound, stint, fresh, pitIn,
                pitOut, status));
    }
}
