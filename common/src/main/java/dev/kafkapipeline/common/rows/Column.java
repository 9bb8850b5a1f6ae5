package dev.kafkapipeline.common.rows;

/**
 * A column of a table the pipeline fills. Its name is also the field of the
 * topic's JSON record that the sink mapping reads into it ({@code column=value.column}).
 */
public interface Column {
    /** The column's CQL name, which is also the record's field name. */
    String column();

    CqlType type();
}
