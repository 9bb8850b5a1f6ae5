package dev.kafkapipeline.vis.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.vis.data.WeatherRow;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.junit.jupiter.api.Test;

class WeatherChartTest {

    @Test
    void temperatureAndFeelsLikeSeriesPerLocation() {
        Instant t0 = Instant.parse("2026-11-28T06:00:00Z");
        Instant t1 = Instant.parse("2026-11-28T07:00:00Z");
        List<WeatherRow> rows = List.of(
                report("Baku", t0, 290.1, 289.0),
                report("Baku", t1, 291.5, null),
                report("Vancouver", t0, 275.0, 271.2));
        JFreeChart chart = WeatherChart.create(rows, "K");
        TimeSeriesCollection data = (TimeSeriesCollection) chart.getXYPlot().getDataset();

        assertEquals(4, data.getSeriesCount());
        TimeSeries bakuTemp = data.getSeries("Baku temp");
        assertEquals(2, bakuTemp.getItemCount());
        assertEquals(t0.toEpochMilli(), bakuTemp.getTimePeriod(0).getFirstMillisecond());
        assertEquals(290.1, bakuTemp.getValue(0).doubleValue());
        assertEquals(291.5, bakuTemp.getValue(1).doubleValue());
        assertEquals(1, data.getSeries("Baku feels like").getItemCount());
        assertEquals(271.2, data.getSeries("Vancouver feels like").getValue(0).doubleValue());
        assertEquals("temperature (K)", chart.getXYPlot().getRangeAxis().getLabel());
    }

    @Test
    void unitSymbolFollowsTheProducersUnits() {
        assertEquals("K", WeatherChart.unitSymbol("standard"));
        assertEquals("°C", WeatherChart.unitSymbol("Metric"));
        assertEquals("°F", WeatherChart.unitSymbol("imperial"));
    }

    private static WeatherRow report(String location, Instant at, Double temp, Double feelsLike) {
        return new WeatherRow(location, at, "clear sky", temp, feelsLike, null, null, null, null, null, null, null);
    }
}
