package dev.kafkapipeline.cassandra.client.mapping;

/** One {@code column=value.field} pair of a table mapping. */
public record ColumnMapping(String column, FieldPath path) {
    @Override
    public String toString() {
        return column + "=" + path;
    }
}
