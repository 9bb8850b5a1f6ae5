package dev.kafkapipeline.vis.chart;

import dev.kafkapipeline.vis.data.WeatherRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** Temperature (solid) and feels-like (dashed) over time, one colour per location. */
public final class WeatherChart {
    private WeatherChart() {}

    /** The unit symbol for OpenWeatherMap's {@code units} setting (OWM_UNITS): standard is Kelvin. */
    public static String unitSymbol(String owmUnits) {
        return switch (owmUnits.trim().toLowerCase(Locale.ROOT)) {
            case "metric" -> "°C";
            case "imperial" -> "°F";
            default -> "K";
        };
    }

    /** Series per location in first-seen order: "LOCATION temp" then "LOCATION feels like". */
    public static JFreeChart create(List<WeatherRow> reports, String unit) {
        Map<String, TimeSeries[]> byLocation = new LinkedHashMap<>();
        for (WeatherRow report : reports) {
            TimeSeries[] series = byLocation.computeIfAbsent(report.location(), location -> new TimeSeries[] {
                new TimeSeries(location + " temp"), new TimeSeries(location + " feels like")
            });
            FixedMillisecond at = new FixedMillisecond(Date.from(report.forecastDate()));
            if (report.temp() != null) {
                series[0].addOrUpdate(at, report.temp());
            }
            if (report.feelsLike() != null) {
                series[1].addOrUpdate(at, report.feelsLike());
            }
        }
        TimeSeriesCollection dataset = new TimeSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        BasicStroke dashed = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
        int location = 0;
        for (TimeSeries[] series : byLocation.values()) {
            Color colour = DriverColours.of(location++);
            renderer.setSeriesPaint(dataset.getSeriesCount(), colour);
            renderer.setSeriesStroke(dataset.getSeriesCount(), new BasicStroke(1.6f));
            dataset.addSeries(series[0]);
            renderer.setSeriesPaint(dataset.getSeriesCount(), colour);
            renderer.setSeriesStroke(dataset.getSeriesCount(), dashed);
            dataset.addSeries(series[1]);
        }
        NumberAxis temperature = new NumberAxis("temperature (" + unit + ")");
        temperature.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, new DateAxis("time (UTC)", TimeZone.getTimeZone("UTC"), Locale.ROOT), temperature, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Temperature and feels-like by location", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
