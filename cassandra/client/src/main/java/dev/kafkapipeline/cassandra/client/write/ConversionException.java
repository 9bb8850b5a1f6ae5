package dev.kafkapipeline.cassandra.client.write;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/** A value that does not fit its column's type; the message names the field, the value and the type. */
public class ConversionException extends RejectedRecordException {
    private static final int SHOWN_CHARS = 80;
    /** About 1,200 digits: more than any JSON number (at most 1,000), and still quick to write out. */
    private static final int SHOWN_NUMBER_BITS = 4096;

    public ConversionException(String field, Object value, String column, String cqlType, String reason) {
        super("field " + field + " = " + show(value) + " does not fit column " + column + " (" + cqlType + "): " + reason);
    }

    /** A short excerpt: the reason travels in a header, and a nested value is never written out. */
    private static String show(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof Iterable<?> || value.getClass().isArray()) {
            return "an array";
        }
        BigInteger digits = value instanceof BigDecimal d ? d.unscaledValue() : value instanceof BigInteger i ? i : BigInteger.ZERO;
        if (digits.bitLength() > SHOWN_NUMBER_BITS) {
            // Writing out a million digits takes seconds.
            return "a number of " + digits.bitLength() + " bits";
        }
        String text = String.valueOf(value);
        String shown = text.length() <= SHOWN_CHARS ? text
                : text.substring(0, Character.isHighSurrogate(text.charAt(SHOWN_CHARS - 1)) ? SHOWN_CHARS - 1 : SHOWN_CHARS) + "...";
        return value instanceof CharSequence ? "\"" + shown + "\"" : shown;
    }
}
