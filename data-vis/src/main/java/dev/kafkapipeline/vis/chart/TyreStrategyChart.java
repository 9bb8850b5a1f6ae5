package dev.kafkapipeline.vis.chart;

import dev.kafkapipeline.vis.data.LapRow;
import dev.kafkapipeline.vis.data.SessionKey;
import dev.kafkapipeline.vis.race.Stint;
import dev.kafkapipeline.vis.race.Stints;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * One horizontal bar per stint per driver, from the lap before the stint's first
 * lap to its last (so bars meet at the pit stop), coloured by compound; a used
 * set is faded and hatched. Each bar is labelled with its first lap, and each
 * driver's row ends with the laps completed.
 */
public final class TyreStrategyChart {
    static final double BAR_HALF_HEIGHT = 0.35;

    private TyreStrategyChart() {}

    /** Series per driver in {@code drivers} order; item i of a series is that driver's stint i. */
    public static JFreeChart create(SessionKey session, List<LapRow> laps, List<String> drivers) {
        List<Stint> stints = Stints.of(laps.stream().filter(l -> drivers.contains(l.driver())).toList());
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        List<List<Stint>> stintsBySeries = new ArrayList<>();
        List<XYTextAnnotation> labels = new ArrayList<>();
        int lastLap = 0;
        for (int row = 0; row < drivers.size(); row++) {
            String driver = drivers.get(row);
            XYIntervalSeries series = new XYIntervalSeries(driver, false, true);
            List<Stint> driverStints = stints.stream().filter(s -> s.driver().equals(driver)).toList();
            for (Stint stint : driverStints) {
                double start = stint.firstLap() - 1;
                double end = stint.lastLap();
                series.add(row, row - BAR_HALF_HEIGHT, row + BAR_HALF_HEIGHT, (start + end) / 2, start, end);
                labels.add(label("L" + stint.firstLap(), row, start + 0.4, TextAnchor.CENTER_LEFT, Color.BLACK));
                lastLap = Math.max(lastLap, stint.lastLap());
            }
            if (!driverStints.isEmpty()) {
                int completed = driverStints.get(driverStints.size() - 1).lastLap();
                labels.add(label(completed + " laps", row, completed + 0.6, TextAnchor.CENTER_LEFT, Color.DARK_GRAY));
            }
            dataset.addSeries(series);
            stintsBySeries.add(driverStints);
        }

        XYBarRenderer renderer = new XYBarRenderer() {
            @Override
            public Paint getItemPaint(int series, int item) {
                return paintOf(stintsBySeries.get(series).get(item));
            }
        };
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));

        SymbolAxis driverAxis = new SymbolAxis("driver", drivers.toArray(String[]::new));
        driverAxis.setInverted(true);
        driverAxis.setGridBandsVisible(false);
        NumberAxis lapAxis = new NumberAxis("lap");
        lapAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        lapAxis.setRange(0, lastLap + Math.max(6, lastLap / 8.0));

        XYPlot plot = new XYPlot(dataset, driverAxis, lapAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        labels.forEach(plot::addAnnotation);
        plot.setFixedLegendItems(legend(stints));

        String title = session.title() + " " + session.sessionName() + ": tyre strategy, " + String.join(" vs ", drivers);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The compound's colour for a new set; faded and hatched for a used one. */
    public static Paint paintOf(Stint stint) {
        Color colour = CompoundColours.of(stint.compound());
        return stint.fresh() ? colour : hatched(colour);
    }

    private static XYTextAnnotation label(String text, double row, double lap, TextAnchor anchor, Color colour) {
        XYTextAnnotation label = new XYTextAnnotation(text, row, lap);
        label.setTextAnchor(anchor);
        label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        label.setPaint(colour);
        return label;
    }

    private static LegendItemCollection legend(List<Stint> stints) {
        Set<String> compounds = new LinkedHashSet<>();
        stints.forEach(s -> compounds.add(s.compound()));
        LegendItemCollection items = new LegendItemCollection();
        for (String compound : compounds) {
            items.add(legendItem(compound, CompoundColours.of(compound)));
        }
        if (stints.stream().anyMatch(s -> !s.fresh())) {
            items.add(legendItem("used set", hatched(Color.WHITE)));
        }
        return items;
    }

    private static LegendItem legendItem(String label, Paint paint) {
        return new LegendItem(label, label, null, null, new Rectangle(-7, -7, 14, 14), paint,
                new BasicStroke(1f), Color.DARK_GRAY);
    }

    private static TexturePaint hatched(Color colour) {
        int size = 8;
        BufferedImage tile = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = tile.createGraphics();
        try {
            g.setColor(faded(colour));
            g.fillRect(0, 0, size, size);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(60, 60, 60));
            g.setStroke(new BasicStroke(1.2f));
            g.drawLine(0, size, size, 0);
            g.drawLine(-1, 1, 1, -1);
            g.drawLine(size - 1, size + 1, size + 1, size - 1);
        } finally {
            g.dispose();
        }
        return new TexturePaint(tile, new Rectangle(0, 0, size, size));
    }

    private static Color faded(Color colour) {
        return new Color(
                (colour.getRed() + 255) / 2, (colour.getGreen() + 255) / 2, (colour.getBlue() + 255) / 2);
    }
}
