package dev.kafkapipeline.vis.chart;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/**
 * FastF1's compound colours, plus distinct ones for the names Pirelli used
 * before 2019 (HYPERSOFT, ULTRASOFT, SUPERSOFT), which the 2018 archive reports.
 */
public final class CompoundColours {
    private static final Map<String, Color> COLOURS = Map.of(
            "SOFT", new Color(0xda291c),
            "MEDIUM", new Color(0xffd12e),
            "HARD", new Color(0xf0f0ec),
            "INTERMEDIATE", new Color(0x43b02a),
            "WET", new Color(0x0067ad),
            "UNKNOWN", new Color(0x00ffff),
            "HYPERSOFT", new Color(0xff8fc8),
            "ULTRASOFT", new Color(0x8e3bb8),
            "SUPERSOFT", new Color(0xff7a00));

    private CompoundColours() {}

    /** The compound's colour; a name the map does not know is drawn as UNKNOWN. */
    public static Color of(String compound) {
        Color colour = compound == null ? null : COLOURS.get(compound.trim().toUpperCase(Locale.ROOT));
        return colour != null ? colour : COLOURS.get("UNKNOWN");
    }
}
