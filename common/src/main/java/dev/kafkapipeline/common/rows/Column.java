package dev.kafkapipeline.common.rows;

import java.util.Locale;

/**
 * A column of a table the pipeline fills, one constant of a row definition.
 * The column's name is also the field of the topic's JSON record that the sink
 * mapping reads into it ({@code column=value.column}), and the constant's name
 * in upper case: so a column's Java name (its constant, or the camel case of it)
 * is the same everywhere.
 */
public interface Column {
    /** The constant's name, {@code PIT_OUT}. */
    String name();

    CqlType type();

    /** The column's CQL name, which is also the record's field name: {@code pit_out}. */
    default String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
