package dev.kafkapipeline.vis.cassandra;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.kafkapipeline.common.rows.Column;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a table by its row definition ({@code LapColumn}, {@code FakerColumn}):
 * exactly the columns the definition has are selected, each read as its CQL
 * type's Java type.
 */
final class DefinedColumns {
    private DefinedColumns() {}

    /** The definition's columns as a select list, in its order. */
    static <C extends Enum<C> & Column> String selectList(Class<C> definition) {
        return Arrays.stream(definition.getEnumConstants()).map(Column::column).collect(Collectors.joining(", "));
    }

    /** The row's value of each of the definition's columns; null where the column is unset. */
    static <C extends Enum<C> & Column> Map<C, Object> values(Row row, Class<C> definition) {
        Map<C, Object> values = new EnumMap<>(definition);
        for (C column : definition.getEnumConstants()) {
            values.put(column, row.get(column.column(), column.type().javaType()));
        }
        return values;
    }
}
