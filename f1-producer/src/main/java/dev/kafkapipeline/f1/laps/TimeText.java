package dev.kafkapipeline.f1.laps;

import java.util.Locale;
import java.util.regex.Pattern;

/** The archive's time texts ("1:45.771", "25.798", "1:02:03.4") to and from milliseconds. */
public final class TimeText {
    private static final Pattern TIME = Pattern.compile("(\\d+:){0,2}\\d+(\\.\\d+)?");

    private TimeText() {}

    /**
     * Milliseconds, or null for an empty text.
     *
     * @throws IllegalArgumentException for a text that is not [[h:]m:]s[.fraction]
     */
    public static Long millis(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!TIME.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException("not a time: \"" + text + "\"");
        }
        String[] parts = text.trim().split(":");
        double seconds = Double.parseDouble(parts[parts.length - 1]);
        long millis = Math.round(seconds * 1000);
        long unit = 60_000;
        for (int i = parts.length - 2; i >= 0; i--) {
            millis += Long.parseLong(parts[i]) * unit;
            unit *= 60;
        }
        return millis;
    }

    /** MM:SS.mmm, as the lapsummary table's lap_time column. */
    public static String lapTime(Long millis) {
        if (millis == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%02d:%02d.%03d", millis / 60_000, millis / 1000 % 60, millis % 1000);
    }

    /** SS.mmm (seconds can exceed 59 for a slow sector), as the sector columns. */
    public static String sectorTime(Long millis) {
        if (millis == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%02d.%03d", millis / 1000, millis % 1000);
    }
}
