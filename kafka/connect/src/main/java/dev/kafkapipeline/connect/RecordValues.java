package dev.kafkapipeline.connect;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * What the writer reads fields from. JSON bytes (ByteArrayConverter, which the
 * sink configs use) and JSON text (StringConverter) are read by the writer's own
 * reader, the one the consumers use, so both paths see the same fields in the
 * same bytes. Connect's Structs become Maps; schemaless Maps (a user's
 * JsonConverter) pass as they are and meet the same conversion rules, but that
 * converter has already read every number as a long or a double (a 20-digit
 * integer wraps around, 1e999 becomes Infinity, 1.50 becomes 1.5), so only the
 * bytes path is sure to agree with the consumers.
 */
final class RecordValues {
    private RecordValues() {}

    /** A key as mappings read it ({@code key} or {@code key.field}): a text key stays text. */
    static Object key(Object key) {
        return key instanceof Struct struct ? structToMap(struct) : key;
    }

    /**
     * @param json reads a record's JSON bytes (the writer's reader); a null value goes to it too, so it
     *             is rejected for the same reason as on the consumers' path
     * @throws dev.kafkapipeline.cassandra.client.write.RejectedRecordException from the reader
     */
    static Object fields(Object value, Function<byte[], Map<String, Object>> json) {
        if (value == null || value instanceof byte[]) {
            return json.apply((byte[]) value);
        }
        if (value instanceof String text) {
            return json.apply(text.getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof Struct struct) {
            return structToMap(struct);
        }
        return value;
    }

    private static Map<String, Object> structToMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Field field : struct.schema().fields()) {
            map.put(field.name(), nested(struct.get(field)));
        }
        return map;
    }

    private static Object nested(Object value) {
        if (value instanceof Struct struct) {
            return structToMap(struct);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RecordValues::nested).toList();
        }
        return value;
    }
}
