package dev.kafkapipeline.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kafkapipeline.common.json.InvalidJsonException;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class RecordValuesTest {
    @Test
    void structsBecomeMapsNestedOnesToo() {
        Schema inner = SchemaBuilder.struct().field("lat", Schema.FLOAT64_SCHEMA).build();
        Schema schema = SchemaBuilder.struct()
                .field("location", Schema.STRING_SCHEMA)
                .field("temp", Schema.OPTIONAL_FLOAT64_SCHEMA)
                .field("coord", inner)
                .build();
        Struct value = new Struct(schema).put("location", "Baku").put("coord", new Struct(inner).put("lat", 40.4));

        assertEquals(Map.of("location", "Baku", "coord", Map.of("lat", 40.4)),
                withoutNulls(RecordValues.fields(value)));
        assertEquals(true, ((Map<?, ?>) RecordValues.fields(value)).containsKey("temp"));
    }

    @Test
    void jsonTextIsParsedAndMapsPassThrough() {
        assertEquals(Map.of("name", "Ada"), RecordValues.fields("{\"name\":\"Ada\"}"));
        Map<String, Object> map = Map.of("name", "Ada");
        assertSame(map, RecordValues.fields(map));
        assertThrows(InvalidJsonException.class, () -> RecordValues.fields("{not json"));
    }

    @Test
    void textKeysStayText() {
        assertEquals("Baku", RecordValues.key("Baku"));
    }

    private static Map<?, ?> withoutNulls(Object map) {
        Map<Object, Object> copy = new java.util.HashMap<>((Map<?, ?>) map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
