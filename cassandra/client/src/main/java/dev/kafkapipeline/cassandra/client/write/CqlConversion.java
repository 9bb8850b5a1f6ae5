package dev.kafkapipeline.cassandra.client.write;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Converts a JSON (or Connect) value to the Java type the driver binds to a
 * column: text, int, bigint, float, double, boolean, timestamp (ISO-8601 text
 * or epoch milliseconds). Pure functions; a value that does not fit raises a
 * {@link ConversionException} naming field, value and column type.
 */
public final class CqlConversion {
    static final Set<DataType> SUPPORTED = Set.of(DataTypes.TEXT, DataTypes.ASCII, DataTypes.INT, DataTypes.BIGINT,
            DataTypes.FLOAT, DataTypes.DOUBLE, DataTypes.BOOLEAN, DataTypes.TIMESTAMP);

    private CqlConversion() {}

    public static boolean supports(DataType type) {
        return SUPPORTED.contains(type);
    }

    /** The value to bind, never null: callers leave absent values unset instead. */
    public static Object convert(Object value, DataType type, String column, String field) {
        String cql = type.asCql(false, true).toLowerCase(Locale.ROOT);
        Failure fail = reason -> new ConversionException(field, value, column, cql, reason);
        if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value instanceof byte[]) {
            throw fail.because("a nested value cannot go into a scalar column");
        }
        if (type.equals(DataTypes.TEXT) || type.equals(DataTypes.ASCII)) {
            return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }
        if (type.equals(DataTypes.INT)) {
            BigDecimal n = integral(value, fail);
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                throw fail.because("out of the int range");
            }
        }
        if (type.equals(DataTypes.BIGINT)) {
            BigDecimal n = integral(value, fail);
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                throw fail.because("out of the bigint range");
            }
        }
        if (type.equals(DataTypes.DOUBLE)) {
            return decimal(value, fail);
        }
        if (type.equals(DataTypes.FLOAT)) {
            double d = decimal(value, fail);
            if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
                throw fail.because("out of the float range");
            }
            return (float) d;
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

    private static BigDecimal integral(Object value, Failure fail) {
        BigDecimal n = number(value, fail);
        if (n.stripTrailingZeros().scale() > 0) {
            throw fail.because("not a whole number");
        }
        return n;
    }

    private static double decimal(Object value, Failure fail) {
        if (value instanceof Number n && !(value instanceof BigDecimal) && !(value instanceof BigInteger)) {
            return n.doubleValue();
        }
        return number(value, fail).doubleValue();
    }

    private static BigDecimal number(Object value, Failure fail) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw fail.because("not a finite number");
            }
            return BigDecimal.valueOf(d);
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw fail.because("not a number");
            }
        }
        throw fail.because("not a number");
    }

    private static Instant timestamp(Object value, Failure fail) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Number) {
            return Instant.ofEpochMilli(integral(value, fail).longValueExact());
        }
        if (value instanceof String s) {
            String text = s.strip();
            if (text.matches("-?\\d+")) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            if (text.length() > 10 && text.charAt(10) == ' ') {
                text = text.substring(0, 10) + "T" + text.substring(11);
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException notDate) {
                        throw fail.because("expected ISO-8601 date-time or epoch milliseconds");
                    }
                }
            }
        }
        throw fail.because("expected ISO-8601 date-time or epoch milliseconds");
    }

    @FunctionalInterface
    private interface Failure {
        ConversionException because(String reason);
    }
}
