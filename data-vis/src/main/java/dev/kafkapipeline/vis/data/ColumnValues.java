package dev.kafkapipeline.vis.data;

import dev.kafkapipeline.common.rows.Column;
import java.util.Map;

/** A row's values by column, each read as the Java type of its column's CQL type; null where the column is unset. */
record ColumnValues(Map<? extends Column, ?> values) {

    /** @throws ClassCastException when the value is not of the column's type */
    @SuppressWarnings("unchecked")
    <T> T get(Column column) {
        return (T) column.type().javaType().cast(values.get(column));
    }
}
