package dev.kafkapipeline.vis.chart;

import static dev.kafkapipeline.vis.Laps.lap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.vis.Laps;
import dev.kafkapipeline.vis.data.LapRow;
import dev.kafkapipeline.vis.data.SessionKey;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class LapTimeChartTest {
    private static final List<LapRow> LAPS = Stream.of(
            lap("VER", 1, null).status("1,4"),
            lap("VER", 2, 110_500).status("4"),
            lap("VER", 3, 105_250),
            lap("VER", 4, 118_000).pitIn(),
            lap("VER", 5, 121_000).pitOut(),
            lap("LEC", 1, 120_000),
            lap("LEC", 2, 111_000),
            lap("LEC", 3, 106_000),
            lap("RIC", 3, 104_000))
            .map(Laps::row).toList();

    private final JFreeChart chart = LapTimeChart.create(SessionKey.parse(Laps.KEY), LAPS, List.of("VER", "LEC"));
    private final XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();

    @Test
    void oneSeriesOfSecondsPerDriverSkippingUntimedLapsAndOtherDrivers() {
        assertEquals(List.of("VER", "VER pit in/out", "LEC", "LEC pit in/out"), keys());
        assertEquals(List.of(List.of(2.0, 110.5), List.of(3.0, 105.25), List.of(4.0, 118.0), List.of(5.0, 121.0)),
                points(data.getSeries("VER")));
        assertEquals(List.of(List.of(1.0, 120.0), List.of(2.0, 111.0), List.of(3.0, 106.0)),
                points(data.getSeries("LEC")));
    }

    @Test
    void pitInAndOutLapsHaveTheirOwnMarkerSeries() {
        assertEquals(List.of(List.of(4.0, 118.0), List.of(5.0, 121.0)), points(data.getSeries("VER pit in/out")));
        assertEquals(0, data.getSeries("LEC pit in/out").getItemCount());
    }

    @Test
    void safetyCarLapsAreShaded() {
        XYPlot plot = chart.getXYPlot();
        List<Marker> markers = new ArrayList<>(plot.getDomainMarkers(Layer.BACKGROUND));
        assertEquals(1, markers.size());
        IntervalMarker marker = (IntervalMarker) markers.get(0);
        assertEquals(0.5, marker.getStartValue());
        assertEquals(2.5, marker.getEndValue());
    }

    @Test
    void theScaleFitsEveryLapWhenNoneIsFarSlowerThanRacingPace() {
        assertEquals(1, chart.getSubtitleCount(), "only the legend");
        assertTrue(chart.getXYPlot().getRangeAxis().getUpperBound() >= 121.0);
    }

    @Test
    void safetyCarCrawlRunsOffAScaleCappedAtOnePointTwoTimesTheMedianRacingLap() {
        List<LapRow> laps = new ArrayList<>(LAPS);
        laps.add(lap("VER", 6, 180_000).status("4").row());
        JFreeChart capped = LapTimeChart.create(SessionKey.parse(Laps.KEY), laps, List.of("VER", "LEC"));
        // Racing laps: VER 3 (105.25), LEC 1-3 (120, 111, 106); median 111 s.
        assertEquals(133.2, capped.getXYPlot().getRangeAxis().getUpperBound(), 1e-9);
        assertEquals("laps slower than 133 s run off the top of the scale", ((TextTitle) capped.getSubtitle(1)).getText());
    }

    @Test
    void titleNamesEventYearAndDrivers() {
        assertEquals("2018 Azerbaijan Grand Prix Race: lap times, VER vs LEC", chart.getTitle().getText());
    }

    @Test
    void drawsAtTheFixedSize() {
        BufferedImage image = ChartImages.image(chart);
        assertEquals(1200, image.getWidth());
        assertEquals(675, image.getHeight());
        assertTrue(image.getRGB(0, 0) != 0, "background painted");
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            keys.add(String.valueOf(data.getSeriesKey(i)));
        }
        return keys;
    }

    static List<List<Double>> points(XYSeries series) {
        List<List<Double>> points = new ArrayList<>();
        for (int i = 0; i < series.getItemCount(); i++) {
            points.add(List.of(series.getX(i).doubleValue(), series.getY(i).doubleValue()));
        }
        return points;
    }
}
