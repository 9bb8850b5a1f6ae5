package dev.kafkapipeline.connect;

import dev.kafkapipeline.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * What the writer reads fields from: Connect's Structs become Maps, JSON text
 * (from StringConverter or ByteArrayConverter) is parsed, schemaless Maps pass as they are.
 */
final class RecordValues {
    private RecordValues() {}

    /** A key as mappings read it ({@code key} or {@code key.field}): a text key stays text. */
    static Object key(Object key) {
        return key instanceof Struct struct ? structToMap(struct) : key;
    }

    /**
     * @throws dev.kafkapipeline.common.json.InvalidJsonException when text is not a JSON object
     */
    static Object fields(Object value) {
        if (value instanceof Struct struct) {
            return structToMap(struct);
        }
        if (value instanceof String text) {
            return Json.readObject(text.getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof byte[] bytes) {
            return Json.readObject(bytes);
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
