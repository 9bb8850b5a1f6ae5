package dev.kafkapipeline.cassandra.client.write;

/** A value that does not fit its column's type; the message names the field, the value and the type. */
public class ConversionException extends RejectedRecordException {
    public ConversionException(String field, Object value, String column, String cqlType, String reason) {
        super("field " + field + " = " + show(value) + " does not fit column " + column + " (" + cqlType + "): " + reason);
    }

    private static String show(Object value) {
        if (value instanceof CharSequence text) {
            String s = text.length() > 80 ? text.subSequence(0, 80) + "..." : text.toString();
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }
}
