package dev.kafkapipeline.cassandra.client.write;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import dev.kafkapipeline.cassandra.client.mapping.ColumnMapping;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mapped columns of one table: where each value comes from in a record, the
 * CQL type and codec it is encoded with, and which columns make the keys. It
 * converts and encodes a record's values up front, without Cassandra, so every
 * way a value can fail shows here, as the record's rejection, and never later
 * in the driver, where it would fail a whole write.
 */
final class TableColumns {
    private final TableMapping mapping;
    private final List<DataType> types;
    private final List<TypeCodec<Object>> codecs = new ArrayList<>();
    private final ProtocolVersion protocol;
    private final CqlConversion conversion;
    private final int[] partitionKey;
    private final int[] primaryKey;

    /**
     * @param types        the CQL type of each mapped column, in mapping order
     * @param partitionKey the table's partition-key columns; every one must be mapped
     * @param primaryKey   the table's primary-key columns; every one must be mapped
     */
    TableColumns(TableMapping mapping, List<DataType> types, List<CqlIdentifier> partitionKey, List<CqlIdentifier> primaryKey,
            CodecRegistry codecs, ProtocolVersion protocol, RecordLimits limits) {
        this.mapping = mapping;
        this.types = List.copyOf(types);
        for (DataType type : types) {
            this.codecs.add(codecs.codecFor(type));
        }
        this.protocol = protocol;
        this.conversion = new CqlConversion(limits);
        this.partitionKey = indexes(partitionKey);
        this.primaryKey = indexes(primaryKey);
    }

    /**
     * @param value the record's value: a Map of field names to values
     * @throws RejectedRecordException when a value does not fit its column or a key field is missing
     */
    RowValues values(Object key, Map<?, ?> value) {
        ByteBuffer[] encoded = new ByteBuffer[types.size()];
        Object[] converted = new Object[types.size()];
        for (int i = 0; i < types.size(); i++) {
            ColumnMapping column = mapping.columns().get(i);
            Object raw = column.path().read(key, value);
            if (raw == null) {
                continue;
            }
            converted[i] = conversion.convert(raw, types.get(i), column.column(), column.path().toString());
            encoded[i] = encode(i, raw, converted[i]);
        }
        return new RowValues(Collections.unmodifiableList(Arrays.asList(encoded)),
                keyValues(partitionKey, converted), keyValues(primaryKey, converted));
    }

    private ByteBuffer encode(int i, Object raw, Object converted) {
        try {
            return codecs.get(i).encode(converted, protocol);
        } catch (RuntimeException e) {
            // The conversion is meant to leave nothing the codec refuses; should it miss a case, the record pays, not the sink.
            ColumnMapping column = mapping.columns().get(i);
            throw new ConversionException(column.path().toString(), raw, column.column(),
                    types.get(i).asCql(false, true).toLowerCase(Locale.ROOT), "cannot be encoded: " + e);
        }
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

    private int[] indexes(List<CqlIdentifier> keyColumns) {
        int[] indexes = new int[keyColumns.size()];
        for (int k = 0; k < indexes.length; k++) {
            indexes[k] = -1;
            for (int i = 0; i < mapping.columns().size(); i++) {
                if (CqlIdentifier.fromCql(mapping.columns().get(i).column()).equals(keyColumns.get(k))) {
                    indexes[k] = i;
                }
            }
            if (indexes[k] < 0) {
                throw new IllegalArgumentException("key column " + keyColumns.get(k) + " is not mapped in " + mapping);
            }
        }
        return indexes;
    }
}
