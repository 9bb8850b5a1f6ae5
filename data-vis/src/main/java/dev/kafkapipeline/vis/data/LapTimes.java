package dev.kafkapipeline.vis.data;

import java.math.BigDecimal;
import java.util.Optional;

/** Reads the pipeline's lap and sector time texts (MM:SS.mmm, H:MM:SS.mmm or SS.mmm) as seconds. */
public final class LapTimes {
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private LapTimes() {}

    public static Optional<Double> seconds(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String[] parts = text.trim().split(":");
        if (parts.length > 3) {
            throw new IllegalArgumentException("lap time '" + text + "' is not [[H:]MM:]SS.mmm");
        }
        try {
            // Decimal arithmetic keeps 01:45.123 at exactly 105.123 s.
            BigDecimal total = BigDecimal.ZERO;
            for (String part : parts) {
                total = total.multiply(SIXTY).add(new BigDecimal(part.trim()));
            }
            return Optional.of(total.doubleValue());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lap time '" + text + "' is not [[H:]MM:]SS.mmm", e);
        }
    }
}
