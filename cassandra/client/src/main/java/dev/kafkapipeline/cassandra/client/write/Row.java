package dev.kafkapipeline.cassandra.client.write;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import java.util.List;

/**
 * One record's row for one table, bound and ready to send.
 *
 * @param source       what the row came from (a Kafka record), handed back if the row is refused
 * @param partitionKey converted partition-key values: rows with equal ones may share a batch
 * @param primaryKey   converted primary-key values: rows with equal ones are written in order
 */
public record Row<S>(String table, S source, BoundStatement statement, List<Object> partitionKey, List<Object> primaryKey) {}
