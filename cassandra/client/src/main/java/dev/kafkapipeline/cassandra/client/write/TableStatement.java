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
    private final TableColumns columns;

    private TableStatement(TableMapping mapping, PreparedStatement insert, TableColumns columns) {
        this.mapping = mapping;
        this.insert = insert;
        this.columns = columns;
    }

    static TableStatement prepare(CqlSession session, TableMapping mapping, RecordLimits limits) {
        TableMetadata table = session.getMetadata().getKeyspace(CqlIdentifier.fromCql(mapping.keyspace()))
                .flatMap(k -> k.getTable(CqlIdentifier.fromCql(mapping.table())))
                .orElseThrow(() -> new MappingException("table " + mapping.qualifiedTable() + " of topic '"
                        + mapping.topic() + "' does not exist in Cassandra"));
        List<DataType> types = new ArrayList<>();
        for (ColumnMapping column : mapping.columns()) {
            ColumnMetadata meta = table.getColumn(CqlIdentifier.fromCql(column.column()))
                    .orElseThrow(() -> new MappingException("column '" + column.column() + "' of mapping " + column
                            + " does not exist in " + mapping.qualifiedTable()));
            if (!CqlConversion.supports(meta.getType())) {
                throw new MappingException("column '" + column.column() + "' of " + mapping.qualifiedTable()
                        + " has type " + meta.getType().asCql(false, true) + ", which the sink cannot write");
            }
            types.add(meta.getType());
        }
        for (ColumnMetadata key : table.getPrimaryKey()) {
            boolean mapped = mapping.columns().stream()
                    .anyMatch(c -> CqlIdentifier.fromCql(c.column()).equals(key.getName()));
            if (!mapped) {
                throw new MappingException("primary-key column '" + key.getName().asInternal() + "' of "
                        + mapping.qualifiedTable() + " is not in the mapping of topic '" + mapping.topic() + "'");
            }
        }
        String names = mapping.columns().stream().map(ColumnMapping::column).collect(Collectors.joining(", "));
        String marks = mapping.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        PreparedStatement insert = session.prepare(
                "INSERT INTO " + mapping.qualifiedTable() + " (" + names + ") VALUES (" + marks + ")");
        TableColumns columns = new TableColumns(mapping, types, names(table.getPartitionKey()), names(table.getPrimaryKey()),
                session.getContext().getCodecRegistry(), session.getContext().getProtocolVersion(), limits);
        return new TableStatement(mapping, insert, columns);
    }

    TableMapping mapping() {
        return mapping;
    }

    /** @throws RejectedRecordException when a value does not fit its column or a key field is missing */
    <S> Row<S> bind(S source, Object key, Map<?, ?> value) {
        RowValues row = columns.values(key, value);
        BoundStatementBuilder builder = insert.boundStatementBuilder()
                .setConsistencyLevel(mapping.consistency())
                .setIdempotence(true);
        for (int i = 0; i < row.values().size(); i++) {
            if (row.values().get(i) != null) {
                builder.setBytesUnsafe(i, row.values().get(i));
            }
        }
        return new Row<>(mapping.qualifiedTable(), source, builder.build(), row.partitionKey(), row.primaryKey());
    }

    private static List<CqlIdentifier> names(List<ColumnMetadata> columns) {
        return columns.stream().map(ColumnMetadata::getName).toList();
    }
}
