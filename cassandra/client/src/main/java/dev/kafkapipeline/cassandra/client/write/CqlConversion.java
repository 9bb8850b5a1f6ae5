package dev.kafkapipeline.cassandra.client.write;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts a JSON (or Connect) value to the Java type the driver's default codec
 * binds to a column: text and ascii (String), int (Integer), bigint (Long), float
 * (Float), double (Double), boolean (Boolean), timestamp (Instant, from ISO-8601 text
 * or epoch milliseconds). A value that does not fit raises a {@link ConversionException}
 * naming field, value and column type; a value is never silently changed into another
 * (no overflow, no infinity, no underflow to 0, no replaced character), except a
 * timestamp, which keeps the milliseconds CQL stores. Every check that guards a cost
 * (digits, exponent, text length) runs before the work it guards.
 */
public final class CqlConversion {
    static final Set<DataType> SUPPORTED = Set.of(DataTypes.TEXT, DataTypes.ASCII, DataTypes.INT, DataTypes.BIGINT,
            DataTypes.FLOAT, DataTypes.DOUBLE, DataTypes.BOOLEAN, DataTypes.TIMESTAMP);
    /** A number as JSON writes it, with the sign and the leading point JSON lacks: ASCII digits only. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    /** Longer than any ISO-8601 date-time (the longest, with a nine-digit year, nanoseconds and an offset, has 40). */
    private static final int MAX_DATE_TIME_CHARS = 64;
    private static final String EXPECTED_TIME = "expected ISO-8601 date-time or epoch milliseconds";
    private static final String TIME_RANGE = "out of the timestamp range (epoch milliseconds must fit a signed 64-bit integer)";

    private final RecordLimits limits;

    public CqlConversion(RecordLimits limits) {
        this.limits = limits;
    }

    public static boolean supports(DataType type) {
        return SUPPORTED.contains(type);
    }

    /** The value to bind, never null: callers leave absent values unset instead. */
    public Object convert(Object value, DataType type, String column, String field) {
        String cql = type.asCql(false, true).toLowerCase(Locale.ROOT);
        Failure fail = reason -> new ConversionException(field, value, column, cql, reason);
        if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray()) {
            throw fail.because("a nested value cannot go into a scalar column");
        }
        if (type.equals(DataTypes.TEXT)) {
            return text(value, fail, false);
        }
        if (type.equals(DataTypes.ASCII)) {
            return text(value, fail, true);
        }
        if (type.equals(DataTypes.INT)) {
            try {
                return whole(number(value, fail), fail).intValueExact();
            } catch (ArithmeticException e) {
                throw fail.because("out of the int range");
            }
        }
        if (type.equals(DataTypes.BIGINT)) {
            try {
                return whole(number(value, fail), fail).longValueExact();
            } catch (ArithmeticException e) {
                throw fail.because("out of the bigint range");
            }
        }
        if (type.equals(DataTypes.DOUBLE)) {
            return toDouble(value, fail);
        }
        if (type.equals(DataTypes.FLOAT)) {
            return toFloat(value, fail);
        }
        if (type.equals(DataTypes.BOOLEAN)) {
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s);
            }
            throw fail.because("expected true or false");
        }
        if (type.equals(DataTypes.TIMESTAMP)) {
            return timestamp(value, fail);
        }
        throw fail.because("unsupported column type");
    }

    private String text(Object value, Failure fail, boolean ascii) {
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof Boolean b) {
            text = b.toString();
        } else if (value instanceof Number n) {
            // Bounded first: the plain text of 1e999999999 would be a billion characters.
            text = decimal(n, fail).toPlainString();
        } else {
            throw fail.because("expected text, a number or a boolean");
        }
        checkText(text, fail, ascii);
        return text;
    }

    /** The driver would throw on an unpaired surrogate or a non-ASCII character for ascii; Cassandra takes any other text. */
    private void checkText(String text, Failure fail, boolean ascii) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ascii && c > 0x7f) {
                throw fail.because("not ASCII: character " + i + " is U+" + String.format("%04X", (int) c));
            }
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw fail.because("not valid Unicode: unpaired surrogate U+" + String.format("%04X", (int) c) + " at character " + i);
            } else {
                bytes += 3;
            }
            if (bytes > limits.maxTextBytes()) {
                throw fail.because("text of " + text.length() + " characters is over the limit of "
                        + limits.maxTextBytes() + " UTF-8 bytes");
            }
        }
    }

    /** A JSON number, or text that holds one, as an exact decimal within the limits. */
    private BigDecimal number(Object value, Failure fail) {
        if (value instanceof Number n) {
            return decimal(n, fail);
        }
        if (!(value instanceof String s)) {
            throw fail.because("not a number");
        }
        String text = s.strip();
        // Long enough for every number within the limits, even written with all its leading zeros.
        int maxChars = limits.maxNumberDigits() + limits.maxNumberExponent() + 16;
        if (text.length() > maxChars) {
            throw fail.because("not a number of at most " + maxChars + " characters");
        }
        if (!NUMBER.matcher(text).matches()) {
            throw fail.because("not a number");
        }
        try {
            return bounded(new BigDecimal(text), fail);
        } catch (NumberFormatException e) {
            throw fail.because("not a number: " + e.getMessage());
        }
    }

    private BigDecimal decimal(Number n, Failure fail) {
        if (n instanceof BigDecimal d) {
            return bounded(d, fail);
        }
        if (n instanceof BigInteger i) {
            return bounded(new BigDecimal(i), fail);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw fail.because("not a finite number");
            }
            return bounded(BigDecimal.valueOf(d), fail);
        }
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        throw fail.because("not a number of a known kind (" + n.getClass().getSimpleName() + ")");
    }

    private BigDecimal bounded(BigDecimal n, Failure fail) {
        // More than 4 bits a digit means more digits than the limit, known before counting them
        // (a Connect struct's decimal may hold a million digits; JSON's are at most 1000).
        if (n.unscaledValue().bitLength() > limits.maxNumberDigits() * 4 || n.precision() > limits.maxNumberDigits()) {
            throw fail.because("more than " + limits.maxNumberDigits() + " significant digits");
        }
        long exponent = (long) n.precision() - n.scale() - 1;
        if (Math.abs(exponent) > limits.maxNumberExponent()) {
            throw fail.because("exponent " + exponent + " is beyond the limit of " + limits.maxNumberExponent());
        }
        return n;
    }

    private static BigDecimal whole(BigDecimal n, Failure fail) {
        if (n.stripTrailingZeros().scale() > 0) {
            throw fail.because("not a whole number");
        }
        return n;
    }

    private double toDouble(Object value, Failure fail) {
        if (value instanceof Double || value instanceof Float) {
            return finite(((Number) value).doubleValue(), fail);
        }
        BigDecimal n = number(value, fail);
        double d = n.doubleValue();
        if (Double.isInfinite(d)) {
            throw fail.because("out of the double range");
        }
        if (d == 0 && n.signum() != 0) {
            throw fail.because("too small for a double: it would become 0");
        }
        return d;
    }

    private float toFloat(Object value, Failure fail) {
        if (value instanceof Double || value instanceof Float) {
            double d = finite(((Number) value).doubleValue(), fail);
            return fitFloat((float) d, d != 0, fail);
        }
        BigDecimal n = number(value, fail);
        return fitFloat(n.floatValue(), n.signum() != 0, fail);
    }

    private static float fitFloat(float f, boolean nonZero, Failure fail) {
        if (Float.isInfinite(f)) {
            throw fail.because("out of the float range");
        }
        if (f == 0 && nonZero) {
            throw fail.because("too small for a float: it would become 0");
        }
        return f;
    }

    private static double finite(double d, Failure fail) {
        if (!Double.isFinite(d)) {
            throw fail.because("not a finite number");
        }
        return d;
    }

    private Instant timestamp(Object value, Failure fail) {
        Instant instant;
        if (value instanceof Date date) {
            instant = date.toInstant();
        } else if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof Number || value instanceof String s && WHOLE_NUMBER.matcher(s.strip()).matches()) {
            instant = epochMillis(number(value, fail), fail);
        } else if (value instanceof String s) {
            instant = isoDateTime(s.strip(), fail);
        } else {
            throw fail.because(EXPECTED_TIME);
        }
        try {
            // CQL keeps milliseconds: the value bound is the one stored, also as a primary-key part.
            return Instant.ofEpochMilli(instant.toEpochMilli());
        } catch (ArithmeticException e) {
            throw fail.because(TIME_RANGE);
        }
    }

    private static Instant epochMillis(BigDecimal n, Failure fail) {
        try {
            return Instant.ofEpochMilli(whole(n, fail).longValueExact());
        } catch (ArithmeticException e) {
            throw fail.because(TIME_RANGE);
        }
    }

    private static Instant isoDateTime(String text, Failure fail) {
        if (text.length() > MAX_DATE_TIME_CHARS) {
            throw fail.because(EXPECTED_TIME);
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11) : text;
        try {
            // With an offset or Z; a leap second (23:59:60) is read as 23:59:59, as java.time reads it.
            return Instant.parse(iso);
        } catch (DateTimeException notInstant) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException notLocal) {
                try {
                    return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeException notDate) {
                    throw fail.because(EXPECTED_TIME);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Failure {
        ConversionException because(String reason);
    }
}
