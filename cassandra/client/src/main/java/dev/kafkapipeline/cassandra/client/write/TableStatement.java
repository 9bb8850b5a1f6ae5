package dev.kafkapipeline.cassandra.client.write;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.DataType;
import dev.kafkapipeline.cassandra.client.mapping.ColumnMapping;
import dev.kafkapipeline.cassandra.client.mapping.MappingException;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A mapping checked against the table's metadata in Cassandra, with its INSERT
 * prepared once. Every mapped column is in the statement; a row leaves the ones
 * its record lacks unset, so no tombstone is written.
 */
final class TableStatement {
    private final TableMapping mapping;
    private final PreparedStatement insert;
    private final List<DataType> types = new ArrayList<>();
    private final int[] partitionKey;
    private final int[] primaryKey;

    private TableStatement(TableMapping mapping, PreparedStatement insert, TableMetadata table) {
        this.mapping = mapping;
        this.insert = insert;
        List<String> columns = mapping.columns().stream().map(ColumnMapping::column).toList();
        for (String column : columns) {
            types.add(table.getColumn(CqlIdentifier.fromCql(column)).orElseThrow().getType());
        }
        this.partitionKey = indexes(table.getPartitionKey(), columns);
        this.primaryKey = indexes(table.getPrimaryKey(), columns);
    }

    static TableStatement prepare(CqlSession session, TableMapping mapping) {
        TableMetadata table = session.getMetadata().getKeyspace(CqlIdentifier.fromCql(mapping.keyspace()))
                .flatMap(k -> k.getTable(CqlIdentifier.fromCql(mapping.table())))
                .orElseThrow(() -> new MappingException("table " + mapping.qualifiedTable() + " of topic '"
                        + mapping.topic() + "' does not exist in Cassandra"));
        for (ColumnMapping column : mapping.columns()) {
            ColumnMetadata meta = table.getColumn(CqlIdentifier.fromCql(column.column()))
                    .orElseThrow(() -> new MappingException("column '" + column.column() + "' of mapping " + column
                            + " does not exist in " + mapping.qualifiedTable()));
            if (!CqlConversion.supports(meta.getType())) {
                throw new MappingException("column '" + column.column() + "' of " + mapping.qualifiedTable()
                        + " has type " + meta.getType().asCql(false, true) + ", which the sink cannot write");
            }
        }
        for (ColumnMetadata key : table.getPrimaryKey()) {
            boolean mapped = mapping.columns().stream()
                    .anyMatch(c -> CqlIdentifier.fromCql(c.column()).equals(key.getName()));
            if (!mapped) {
                throw new MappingException("primary-key column '" + key.getName().asInternal() + "' of "
                        + mapping.qualifiedTable() + " is not in the mapping of topic '" + mapping.topic() + "'");
            }
        }
        String columns = mapping.columns().stream().map(ColumnMapping::column).collect(Collectors.joining(", "));
        String marks = mapping.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        PreparedStatement insert = session.prepare(
                "INSERT INTO " + mapping.qualifiedTable() + " (" + columns + ") VALUES (" + marks + ")");
        return new TableStatement(mapping, insert, table);
    }

    TableMapping mapping() {
        return mapping;
    }

    @SuppressWarnings("unchecked")
    <S> Row<S> bind(S source, Object key, Map<?, ?> value) {
        BoundStatementBuilder builder = insert.boundStatementBuilder()
                .setConsistencyLevel(mapping.consistency())
                .setIdempotence(true);
        Object[] converted = new Object[types.size()];
        for (int i = 0; i < types.size(); i++) {
            ColumnMapping column = mapping.columns().get(i);
            Object raw = column.path().read(key, value);
            if (raw == null) {
                continue;
            }
            converted[i] = CqlConversion.convert(raw, types.get(i), column.column(), column.path().toString());
            builder.set(i, converted[i], (Class<Object>) converted[i].getClass());
        }
        return new Row<>(mapping.qualifiedTable(), source, builder.build(),
                keyValues(partitionKey, converted), keyValues(primaryKey, converted));
    }

    private List<Object> keyValues(int[] indexes, Object[] converted) {
        List<Object> values = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            if (converted[i] == null) {
                ColumnMapping column = mapping.columns().get(i);
                throw new RejectedRecordException("primary-key field " + column.path() + " (column "
                        + column.column() + " of " + mapping.qualifiedTable() + ") is missing or null");
            }
            values.add(converted[i]);
        }
        return values;
    }

    private static int[] indexes(List<ColumnMetadata> keyColumns, List<String> columns) {
        int[] indexes = new int[keyColumns.size()];
        for (int k = 0; k < indexes.length; k++) {
            CqlIdentifier name = keyColumns.get(k).getName();
            for (int i = 0; i < columns.size(); i++) {
                if (CqlIdentifier.fromCql(columns.get(i)).equals(name)) {
                    indexes[k] = i;
                }
            }
        }
        return indexes;
    }
}
