package dev.kafkapipeline.vis;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.vis.cassandra.LapTable;
import dev.kafkapipeline.vis.cassandra.WeatherTable;
import dev.kafkapipeline.vis.chart.ChartImages;
import dev.kafkapipeline.vis.chart.LapTimeChart;
import dev.kafkapipeline.vis.chart.TyreStrategyChart;
import dev.kafkapipeline.vis.chart.WeatherChart;
import dev.kafkapipeline.vis.data.LapRow;
import dev.kafkapipeline.vis.data.SessionKey;
import dev.kafkapipeline.vis.data.WeatherRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `./pipeline render`: redraws img/lap_time.png, img/tyre_strategy.png and
 * img/weather.png from what Cassandra holds (CASSANDRA_HOST, CASSANDRA_PORT,
 * CASSANDRA_KEYSPACE and the table variables; OWM_UNITS, the weather producer's
 * unit, labels the temperature axis).
 */
public final class RenderCommand {
    private static final Logger LOG = LoggerFactory.getLogger(RenderCommand.class);

    public static final String LAP_TIME_FILE = "lap_time.png";
    public static final String TYRE_STRATEGY_FILE = "tyre_strategy.png";
    public static final String WEATHER_FILE = "weather.png";

    private RenderCommand() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        RenderRequest request;
        try {
            request = RenderRequest.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        EnvConfig env = EnvConfig.fromEnvironment();
        CassandraSettings settings = CassandraSettings.from(env);
        try (CqlSession session = CassandraSessions.openForStatements(settings)) {
            List<Path> written = render(session, settings, request, env.string("OWM_UNITS", "standard"));
            written.forEach(file -> System.out.println("wrote " + file));
        } catch (NothingToDraw | IOException e) {
            System.err.println("render: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Draws every chart there is data for; returns the files written. */
    public static List<Path> render(CqlSession session, CassandraSettings settings, RenderRequest request, String weatherUnits)
            throws IOException {
        LapTable lapTable = new LapTable(session, settings);
        String key = request.sessionKey().or(lapTable::latestSessionKey).orElseThrow(() -> new NothingToDraw(
                "table " + settings.keyspace() + "." + settings.fastf1Table() + " holds no laps; run the F1 producer first"));
        List<LapRow> laps = lapTable.laps(key, Set.copyOf(request.drivers()));
        Set<String> found = new HashSet<>();
        laps.forEach(l -> found.add(l.driver()));
        List<String> missing = request.drivers().stream().filter(d -> !found.contains(d)).toList();
        if (!missing.isEmpty()) {
            throw new NothingToDraw("session '" + key + "' has no laps for " + String.join(",", missing));
        }
        SessionKey race = SessionKey.parse(key);
        List<Path> written = new ArrayList<>();
        written.add(write(LapTimeChart.create(race, laps, request.drivers()), request.outputDirectory().resolve(LAP_TIME_FILE)));
        written.add(write(TyreStrategyChart.create(race, laps, request.drivers()), request.outputDirectory().resolve(TYRE_STRATEGY_FILE)));

        List<WeatherRow> reports = new WeatherTable(session, settings).reports();
        if (reports.isEmpty()) {
            LOG.warn("table {}.{} holds no reports: {} not drawn", settings.keyspace(), settings.weatherTable(), WEATHER_FILE);
        } else {
            written.add(write(WeatherChart.create(reports, WeatherChart.unitSymbol(weatherUnits)), request.outputDirectory().resolve(WEATHER_FILE)));
        }
        return written;
    }

    private static Path write(JFreeChart chart, Path file) throws IOException {
        ChartImages.writePng(chart, file);
        return file;
    }

    /** Cassandra holds nothing the request can draw: a user error, not a crash. */
    static final class NothingToDraw extends RuntimeException {
        NothingToDraw(String message) {
            super(message);
        }
    }
}
