package dev.kafkapipeline.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kafkapipeline.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
                withoutNulls(RecordValues.fields(value, Json::readObject)));
        assertEquals(true, ((Map<?, ?>) RecordValues.fields(value, Json::readObject)).containsKey("temp"));
    }

    @Test
    void jsonBytesAndTextGoToTheReaderAndMapsPassThrough() {
        List<byte[]> read = new ArrayList<>();
        Function<byte[], Map<String, Object>> reader = bytes -> {
            read.add(bytes);
            return Map.of("name", "Ada");
        };
        byte[] bytes = "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Map.of("name", "Ada"), RecordValues.fields(bytes, reader));
        assertSame(bytes, read.get(0));
        assertEquals(Map.of("name", "Ada"), RecordValues.fields("{\"name\":\"Ada\"}", reader));
        assertArrayEquals(bytes, read.get(1));
        RecordValues.fields(null, reader);
        assertNull(read.get(2), "a missing value is the reader's to reject, as on the consumers' path");

        Map<String, Object> map = Map.of("name", "Ada");
        assertSame(map, RecordValues.fields(map, reader));
        assertEquals(3, read.size());
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
