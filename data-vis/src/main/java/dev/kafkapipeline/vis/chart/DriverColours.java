package dev.kafkapipeline.vis.chart;

import java.awt.Color;
import java.util.List;

/** Line colours for drivers by position in the chart's driver list; far apart so two lines never blur. */
final class DriverColours {
    private static final List<Color> PALETTE = List.of(
            new Color(0x1f3d99), new Color(0xc8102e), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x17becf));

    private DriverColours() {}

    static Color of(int index) {
        return PALETTE.get(index % PALETTE.size());
    }
}
