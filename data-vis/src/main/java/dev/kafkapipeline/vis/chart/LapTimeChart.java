package dev.kafkapipeline.vis.chart;

import dev.kafkapipeline.vis.data.LapRow;
import dev.kafkapipeline.vis.data.SessionKey;
import dev.kafkapipeline.vis.race.LapRange;
import dev.kafkapipeline.vis.race.SafetyCarPeriods;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Lap time (seconds) against lap number, one line with markers per driver.
 * Pit in and out laps get a second, hollow-diamond series per driver; laps under
 * a safety car or virtual safety car are shaded, so slow laps read as what they are,
 * and the time axis stops short of the slowest of them (a subtitle says so).
 */
public final class LapTimeChart {
    static final double CEILING_FACTOR = 1.2;
    static final Paint SAFETY_CAR_SHADE = new Color(255, 200, 0, 70);

    private LapTimeChart() {}

    /** The series are, per driver in {@code drivers} order: "DRV" (every timed lap) then "DRV pit in/out". */
    public static JFreeChart create(SessionKey session, List<LapRow> laps, List<String> drivers) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (String driver : drivers) {
            XYSeries all = new XYSeries(driver, true, false);
            XYSeries pit = new XYSeries(driver + " pit in/out", true, false);
            for (LapRow lap : laps) {
                Optional<Double> seconds = lap.driver().equals(driver) ? lap.lapSeconds() : Optional.empty();
                if (seconds.isPresent()) {
                    all.add(lap.lapNumber(), seconds.get());
                    if (lap.pitInOrOut()) {
                        pit.add(lap.lapNumber(), seconds.get());
                    }
                }
            }
            dataset.addSeries(all);
            dataset.addSeries(pit);
        }

        NumberAxis lapAxis = new NumberAxis("lap");
        lapAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis timeAxis = new NumberAxis("lap time (s)");
        timeAxis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int d = 0; d < drivers.size(); d++) {
            Color colour = DriverColours.of(d);
            renderer.setSeriesPaint(2 * d, colour);
            renderer.setSeriesShape(2 * d, new Ellipse2D.Double(-3, -3, 6, 6));
            renderer.setSeriesStroke(2 * d, new BasicStroke(1.6f));
            renderer.setSeriesPaint(2 * d + 1, colour);
            renderer.setSeriesLinesVisible(2 * d + 1, false);
            renderer.setSeriesShape(2 * d + 1, diamond(7));
            renderer.setSeriesShapesFilled(2 * d + 1, false);
            renderer.setSeriesOutlineStroke(2 * d + 1, new BasicStroke(2f));
            renderer.setUseOutlinePaint(false);
        }
        renderer.setDrawOutlines(true);

        XYPlot plot = new XYPlot(dataset, lapAxis, timeAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (LapRange period : SafetyCarPeriods.of(laps)) {
            IntervalMarker marker = new IntervalMarker(period.firstLap() - 0.5, period.lastLap() + 0.5);
            marker.setPaint(SAFETY_CAR_SHADE);
            marker.setLabel("SC/VSC");
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            marker.setLabelAnchor(RectangleAnchor.TOP);
            marker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }

        lapAxis.setRange(0.5, Math.max(2, dataset.getDomainUpperBound(false)) + 0.5);

        String title = session.title() + " " + session.sessionName() + ": lap times, " + String.join(" vs ", drivers);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        OptionalDouble ceiling = ceiling(laps, drivers, dataset);
        if (ceiling.isPresent()) {
            timeAxis.setRange(dataset.getRangeLowerBound(false) - 1, ceiling.getAsDouble());
            chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
                    "laps slower than %.0f s run off the top of the scale", ceiling.getAsDouble())));
        }
        return chart;
    }

    /**
     * The time axis stops at {@link #CEILING_FACTOR} times the median racing lap
     * when slower laps exist: laps behind the safety car take half as long again
     * as racing laps and would squash the differences the chart is about.
     * Racing laps: timed, green, not in or out of the pits.
     */
    static OptionalDouble ceiling(List<LapRow> laps, List<String> drivers, XYSeriesCollection dataset) {
        double[] racing = laps.stream()
                .filter(l -> drivers.contains(l.driver()) && !l.underSafetyCar() && !l.pitInOrOut())
                .flatMap(l -> l.lapSeconds().stream())
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        if (racing.length == 0) {
            return OptionalDouble.empty();
        }
        double ceiling = racing[racing.length / 2] * CEILING_FACTOR;
        return dataset.getRangeUpperBound(false) > ceiling ? OptionalDouble.of(ceiling) : OptionalDouble.empty();
    }

    private static Path2D diamond(double size) {
        double h = size / 2;
        Path2D.Double shape = new Path2D.Double();
        shape.moveTo(0, -h);
        shape.lineTo(h, 0);
        shape.lineTo(0, h);
        shape.lineTo(-h, 0);
        shape.closePath();
        return shape;
    }
}
