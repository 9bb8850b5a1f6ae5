package dev.kafkapipeline.cassandra.client.write;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One record's row, converted and encoded as the driver sends it.
 *
 * @param values       each mapped column's encoded value, in mapping order; null where the record has none (left unset)
 * @param partitionKey converted partition-key values
 * @param primaryKey   converted primary-key values
 */
record RowValues(List<ByteBuffer> values, List<Object> partitionKey, List<Object> primaryKey) {}
