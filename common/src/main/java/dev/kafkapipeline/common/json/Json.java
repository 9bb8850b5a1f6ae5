package dev.kafkapipeline.common.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one JSON mapper of the project. Records on the topics are flat JSON
 * objects whose field names are the Cassandra column names.
 */
public final class Json {
    /** Shared and thread-safe once configured; never reconfigure it. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {}

    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String toText(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads one JSON object, keeping field order.
     *
     * @throws InvalidJsonException when the bytes are not a JSON object, whatever the parser
     *         found wrong with them; the message says where it broke when the parser knows
     */
    public static Map<String, Object> readObject(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidJsonException("empty value: expected a JSON object");
        }
        Object value = read(bytes);
        if (!(value instanceof Map)) {
            throw new InvalidJsonException("expected a JSON object, got " + describe(value));
        }
        // Jackson reads an untyped object as a LinkedHashMap with string keys: no second pass needed.
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        return object;
    }

    private static Object read(byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, Object.class);
        } catch (JsonProcessingException e) {
            // A broken read constraint (number length, nesting depth) comes without a location.
            JsonLocation where = e.getLocation();
            throw new InvalidJsonException("invalid JSON: " + e.getOriginalMessage()
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // Jackson lets some number parse failures through unwrapped (1e2147483648: exponent overflow).
            throw new InvalidJsonException("invalid JSON: " + e.getMessage());
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof java.util.List) {
            return "an array";
        }
        return "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
