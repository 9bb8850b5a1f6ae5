package dev.kafkapipeline.common.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordSourceTest {
    @Test
    void aFiniteIteratorEndsTheSource() throws InterruptedException {
        RecordSource source = RecordSource.of(List.of(
                new KeyedRecord("a", Map.of("n", 1)),
                new KeyedRecord("b", Map.of("n", 2))).iterator());
        assertTrue(source.hasMore());
        assertEquals("a", source.next().orElseThrow().key());
        assertEquals("b", source.next().orElseThrow().key());
        assertFalse(source.hasMore());
    }

    @Test
    void aRecordKeepsFieldOrderAllowsAbsentValuesAndCannotBeChanged() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("location", "Melbourne");
        fields.put("temp", null);
        fields.put("description", "clear sky");
        KeyedRecord record = new KeyedRecord("Melbourne", fields);
        fields.put("later", "change");
        assertEquals(List.of("location", "temp", "description"), List.copyOf(record.fields().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> record.fields().put("x", 1));
    }
}
