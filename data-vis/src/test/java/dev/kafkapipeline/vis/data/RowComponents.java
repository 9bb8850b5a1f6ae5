package dev.kafkapipeline.vis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.rows.Column;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;

/** A reader's row record against its row definition: a component per column, in order, named after it. */
final class RowComponents {
    private RowComponents() {}

    /** Fails unless the record has exactly the definition's columns as components; returns them in that order. */
    static RecordComponent[] of(Class<? extends Record> row, Column[] definition) {
        RecordComponent[] components = row.getRecordComponents();
        assertEquals(Arrays.stream(definition).map(RowComponents::javaName).toList(),
                Arrays.stream(components).map(RecordComponent::getName).toList(),
                row.getSimpleName() + ": a component per column, in its order, named after it");
        return components;
    }

    /** A component's value. */
    static Object value(RecordComponent component, Record row) throws ReflectiveOperationException {
        return component.getAccessor().invoke(row);
    }

    /** PIT_IN is pitIn: the camel case of the column's constant. */
    private static String javaName(Column column) {
        StringBuilder name = new StringBuilder();
        for (String part : column.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }
}
