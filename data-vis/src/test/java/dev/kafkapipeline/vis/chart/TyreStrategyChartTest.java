package dev.kafkapipeline.vis.chart;

import static dev.kafkapipeline.vis.Laps.lap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kafkapipeline.vis.Laps;
import dev.kafkapipeline.vis.data.LapRow;
import dev.kafkapipeline.vis.data.SessionKey;
import dev.kafkapipeline.vis.race.Stint;
import java.awt.Color;
import java.awt.TexturePaint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

class TyreStrategyChartTest {
    private static final List<LapRow> LAPS = Stream.of(
            lap("VER", 1, null).tyre(null, 1, true),
            lap("VER", 2, 107_000).tyre("ULTRASOFT", 1, true).pitIn(),
            lap("VER", 3, 115_000).tyre("SUPERSOFT", 2, false).pitOut(),
            lap("VER", 4, 105_000).tyre("SUPERSOFT", 2, false),
            lap("LEC", 1, 120_000).tyre("SUPERSOFT", 1, true),
            lap("LEC", 2, 111_000).tyre("SUPERSOFT", 1, true),
            lap("LEC", 3, 111_000).tyre("SUPERSOFT", 1, true))
            .map(Laps::row).toList();

    private final JFreeChart chart = TyreStrategyChart.create(SessionKey.parse(Laps.KEY), LAPS, List.of("VER", "LEC"));
    private final XYIntervalSeriesCollection data = (XYIntervalSeriesCollection) chart.getXYPlot().getDataset();

    @Test
    void oneBarPerStintSpanningItsLapsOnTheDriversRow() {
        assertEquals(2, data.getSeriesCount());
        assertEquals("VER", data.getSeriesKey(0));
        assertEquals(List.of(List.of(0.0, 0.0, 2.0), List.of(0.0, 2.0, 4.0)), bars(0));
        assertEquals("LEC", data.getSeriesKey(1));
        assertEquals(List.of(List.of(1.0, 0.0, 3.0)), bars(1));
    }

    @Test
    void barsAreColouredByCompoundAndUsedSetsAreHatched() {
        var renderer = chart.getXYPlot().getRenderer();
        assertEquals(new Color(0x8e3bb8), renderer.getItemPaint(0, 0));
        assertInstanceOf(TexturePaint.class, renderer.getItemPaint(0, 1));
        assertEquals(new Color(0xff7a00), renderer.getItemPaint(1, 0));
        assertInstanceOf(TexturePaint.class, TyreStrategyChart.paintOf(new Stint("X", 1, "SOFT", false, 1, 2)));
    }

    @Test
    void firstLapsAndTotalsAreLabelled() {
        List<String> texts = new ArrayList<>();
        for (XYAnnotation annotation : chart.getXYPlot().getAnnotations()) {
            texts.add(((XYTextAnnotation) annotation).getText());
        }
        assertEquals(List.of("L1", "L3", "4 laps", "L1", "3 laps"), texts);
    }

    @Test
    void titleNamesEventAndYear() {
        assertEquals("2018 Azerbaijan Grand Prix Race: tyre strategy, VER vs LEC", chart.getTitle().getText());
    }

    /** Per stint: driver row, start, end (lap axis). */
    private List<List<Double>> bars(int series) {
        List<List<Double>> bars = new ArrayList<>();
        for (int i = 0; i < data.getItemCount(series); i++) {
            bars.add(List.of(data.getXValue(series, i), data.getStartYValue(series, i), data.getEndYValue(series, i)));
        }
        return bars;
    }
}
