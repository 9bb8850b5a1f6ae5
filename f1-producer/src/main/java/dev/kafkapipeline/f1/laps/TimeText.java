package dev.kafkapipeline.f1.laps;

import java.util.Locale;

/** The archive's time texts ("1:45.771", "25.798", "1:02:03.4") to and from milliseconds. */
public final class TimeText {
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
        String t = text.trim();
        long whole = 0;
        long part = -1;
        int colons = 0;
        int i = 0;
        for (; i < t.length() && t.charAt(i) != '.'; i++) {
            char c = t.charAt(i);
            if (c == ':' && part >= 0 && colons < 2) {
                whole = (whole + part) * 60;
                part = -1;
                colons++;
            } else if (c >= '0' && c <= '9') {
                part = (part < 0 ? 0 : part * 10) + (c - '0');
            } else {
                throw notATime(text);
            }
        }
        if (part < 0) {
            throw notATime(text);
        }
        long millis = (whole + part) * 1000;
        if (i < t.length()) {
            int digits = 0;
            long fraction = 0;
            boolean roundUp = false;
            for (i++; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c < '0' || c > '9') {
                    throw notATime(text);
                }
                if (digits < 3) {
                    fraction = fraction * 10 + (c - '0');
                } else if (digits == 3) {
                    roundUp = c >= '5';
                }
                digits++;
            }
            if (digits == 0) {
                throw notATime(text);
            }
            for (int d = digits; d < 3; d++) {
                fraction *= 10;
            }
            millis += fraction + (roundUp ? 1 : 0);
        }
        return millis;
    }

    private static IllegalArgumentException notATime(String text) {
        return new IllegalArgumentException("not a time: \"" + text + "\"");
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
