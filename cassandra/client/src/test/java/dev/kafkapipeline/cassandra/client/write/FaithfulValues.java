package dev.kafkapipeline.cassandra.client.write;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * What a column may hold for a JSON value, decided on its own terms (not by the
 * sink's conversion): the same text; the same number, exactly for int and
 * bigint, correctly rounded for float and double but never rounded to infinity
 * or to 0; the same truth; the same instant to the millisecond. A value that
 * has no such form (NaN as text, a fraction in an int, a date out of the
 * timestamp range) must not be written at all.
 */
public final class FaithfulValues {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private FaithfulValues() {}

    /**
     * @param cqlType the column's type as CQL writes it (text, ascii, int, bigint, float, double, boolean, timestamp)
     * @param json    the value as the JSON reader gives it (String, Boolean, Integer, Long, BigInteger, BigDecimal)
     * @param written what the column would hold, as the driver reads it back
     * @return null when written is faithful to json, else what is wrong
     */
    public static String problem(String cqlType, Object json, Object written) {
        return switch (cqlType) {
            case "text", "ascii" -> text(json, written);
            case "int" -> whole(json, written, Integer.class, INT_MIN, INT_MAX);
            case "bigint" -> whole(json, written, Long.class, LONG_MIN, LONG_MAX);
            case "double" -> real(json, written, Double.class);
            case "float" -> real(json, written, Float.class);
            case "boolean" -> truth(json, written);
            case "timestamp" -> instant(json, written);
            default -> "no rule for type " + cqlType;
        };
    }

    private static String text(Object json, Object written) {
        if (!(written instanceof String text)) {
            return "text column holds a " + kind(written);
        }
        if (json instanceof String s) {
            return text.equals(s) ? null : "text changed";
        }
        if (json instanceof Boolean b) {
            return text.equals(b.toString()) ? null : "true or false written as " + text;
        }
        BigDecimal number = number(json);
        if (number == null) {
            return "a " + kind(json) + " has no text form";
        }
        if (!NUMBER.matcher(text).matches() || text.contains("e") || text.contains("E")) {
            return "a number written as " + text;
        }
        return new BigDecimal(text).compareTo(number) == 0 ? null : "number " + number + " written as " + text;
    }

    private static String whole(Object json, Object written, Class<?> type, BigDecimal min, BigDecimal max) {
        BigDecimal number = number(json);
        if (number == null || number.stripTrailingZeros().scale() > 0 || number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            return "no " + type.getSimpleName() + " holds " + json;
        }
        if (!type.isInstance(written)) {
            return type.getSimpleName() + " column holds a " + kind(written);
        }
        return new BigDecimal(written.toString()).compareTo(number) == 0 ? null : json + " written as " + written;
    }

    private static String real(Object json, Object written, Class<?> type) {
        BigDecimal number = number(json);
        if (number == null) {
            return "no " + type.getSimpleName() + " holds " + json;
        }
        double expected = type == Float.class ? number.floatValue() : number.doubleValue();
        if (Double.isInfinite(expected) || expected == 0 && number.signum() != 0) {
            return "no " + type.getSimpleName() + " holds " + json + " without becoming " + expected;
        }
        if (!type.isInstance(written)) {
            return type.getSimpleName() + " column holds a " + kind(written);
        }
        return ((Number) written).doubleValue() == expected ? null : json + " written as " + written + ", not " + expected;
    }

    private static String truth(Object json, Object written) {
        Boolean expected = json instanceof Boolean b ? b
                : json instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) ? Boolean.valueOf(s) : null;
        if (expected == null) {
            return "no boolean holds " + json;
        }
        return expected.equals(written) ? null : json + " written as " + written;
    }

    private static String instant(Object json, Object written) {
        Instant expected;
        try {
            expected = json instanceof String s && !WHOLE.matcher(s.strip()).matches() ? isoInstant(s.strip()) : epochMillis(json);
            expected = expected == null ? null : Instant.ofEpochMilli(expected.toEpochMilli());
        } catch (ArithmeticException | DateTimeException e) {
            expected = null;
        }
        if (expected == null) {
            return "no timestamp holds " + json;
        }
        return expected.equals(written) ? null : json + " written as " + written + ", not " + expected;
    }

    private static Instant epochMillis(Object json) {
        BigDecimal number = number(json);
        if (number == null || number.stripTrailingZeros().scale() > 0 || number.compareTo(LONG_MIN) < 0 || number.compareTo(LONG_MAX) > 0) {
            return null;
        }
        return Instant.ofEpochMilli(number.longValueExact());
    }

    /**
     * ISO-8601 with or without an offset (UTC then), a space for the T, or a date alone (its midnight, UTC).
     * A leap second 23:59:60 reads as 23:59:59 and 24:00 as the next day's midnight, as ISO-8601 means them.
     */
    private static Instant isoInstant(String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11) : text;
        iso = iso.replace("T23:59:60", "T23:59:59");
        boolean endOfDay = iso.matches(".*T24:00(:00(\\.0+)?)?(Z|[+-].*)?");
        iso = endOfDay ? iso.replace("T24:", "T00:") : iso;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime at ? at.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            return endOfDay ? instant.plusSeconds(86_400) : instant;
        } catch (DateTimeException notDateTime) {
            try {
                return LocalDate.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notDate) {
                return null;
            }
        }
    }

    /** The exact number a JSON number, or text holding one in JSON's own notation, stands for; null for anything else. */
    private static BigDecimal number(Object json) {
        String text = json instanceof Number n ? n.toString() : json instanceof String s ? s.strip() : null;
        if (text == null || json instanceof String && !NUMBER.matcher(text).matches()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            // Infinity and NaN, and exponents beyond what any number can have
            return null;
        }
    }

    private static String kind(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
