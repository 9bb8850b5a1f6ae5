package dev.kafkapipeline.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsAnObjectKeepingFieldOrderAndDecimalPrecision() {
        Map<String, Object> record = Json.readObject("{\"b\":1,\"a\":289.15}".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("b", "a"), List.copyOf(record.keySet()));
        assertEquals(new BigDecimal("289.15"), record.get("a"));
    }

    @Test
    void rejectsSomethingThatIsNotAnObject() {
        InvalidJsonException e = assertThrows(InvalidJsonException.class,
                () -> Json.readObject("[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("an array"), e.getMessage());
    }

    @Test
    void saysWhereBrokenJsonBroke() {
        InvalidJsonException e = assertThrows(InvalidJsonException.class,
                () -> Json.readObject("{\"name\": ".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("invalid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void emptyBytesAreAnError() {
        assertThrows(InvalidJsonException.class, () -> Json.readObject(new byte[0]));
    }

    @Test
    void whateverTheParserRefusesIsInvalidJson() {
        for (String text : List.of("{\"a\": 1e2147483648}", "{\"a\": " + "9".repeat(1001) + "}",
                "{\"a\": " + "[".repeat(1001) + "]".repeat(1001) + "}", "{\"a\": NaN}")) {
            InvalidJsonException e = assertThrows(InvalidJsonException.class,
                    () -> Json.readObject(text.getBytes(StandardCharsets.UTF_8)), text.substring(0, Math.min(text.length(), 20)));
            assertTrue(e.getMessage().startsWith("invalid JSON: "), e.getMessage());
        }
    }

    @Test
    void writesAndReadsBack() {
        Map<String, Object> record = Map.of("name", "Ada", "year", 1815);
        assertEquals(record, Json.readObject(Json.toBytes(record)));
    }
}
