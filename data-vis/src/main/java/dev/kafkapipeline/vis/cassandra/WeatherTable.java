package dev.kafkapipeline.vis.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.vis.data.WeatherRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads weatherreport, oldest report first per location. */
public final class WeatherTable {
    private final CqlSession session;
    private final String table;

    public WeatherTable(CqlSession session, CassandraSettings settings) {
        this.session = session;
        this.table = settings.keyspace() + "." + settings.weatherTable();
    }

    public List<WeatherRow> reports() {
        List<WeatherRow> reports = new ArrayList<>();
        for (Row row : session.execute("SELECT * FROM " + table)) {
            reports.add(new WeatherRow(
                    row.getString("location"),
                    row.getInstant("forecastdate"),
                    row.getString("description"),
                    row.get("temp", Double.class),
                    row.get("feels_like", Double.class),
                    row.get("temp_min", Double.class),
                    row.get("temp_max", Double.class),
                    row.get("pressure", Double.class),
                    row.get("humidity", Double.class),
                    row.get("wind", Double.class),
                    row.get("sunrise", Long.class),
                    row.get("sunset", Long.class)));
        }
        reports.sort(Comparator.comparing(WeatherRow::location).thenComparing(WeatherRow::forecastDate));
        return reports;
    }
}
