package dev.kafkapipeline.connect;

import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.mapping.MappingException;
import dev.kafkapipeline.cassandra.client.mapping.SinkMappings;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.cassandra.client.write.RecordLimits;
import dev.kafkapipeline.cassandra.client.write.WriterOptions;
import dev.kafkapipeline.common.config.EnvConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * The sink's settings. The names are DataStax's (contactPoints, port,
 * loadBalancing.localDc, maxConcurrentRequests, maxNumberOfRecordsInBatch,
 * queryExecutionTimeout, topic.&lt;topic&gt;.&lt;keyspace&gt;.&lt;table&gt;.mapping and
 * .consistencyLevel), so the original pipeline's connector configs work as they
 * are. {@code keyspace} is this sink's own: it replaces the keyspace written in
 * the mapping keys, which configuration providers cannot reach;
 * {@code retryMaxBackoffMs} and {@code maxPendingRecords} are its own too.
 */
public final class CassandraSinkConfig extends AbstractConfig {
    public static final String CONTACT_POINTS = "contactPoints";
    public static final String PORT = "port";
    public static final String LOCAL_DC = "loadBalancing.localDc";
    public static final String KEYSPACE = "keyspace";
    public static final String MAX_CONCURRENT_REQUESTS = "maxConcurrentRequests";
    public static final String MAX_BATCH_RECORDS = "maxNumberOfRecordsInBatch";
    public static final String QUERY_TIMEOUT = "queryExecutionTimeout";
    public static final String RETRY_MAX_BACKOFF_MS = "retryMaxBackoffMs";
    public static final String MAX_PENDING_RECORDS = "maxPendingRecords";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(CONTACT_POINTS, Type.LIST, "localhost", Importance.HIGH,
                    "Cassandra host to connect to (the first of the list is used; the driver discovers the others).")
            .define(PORT, Type.INT, 9042, Range.between(1, 65535), Importance.HIGH, "Cassandra's CQL port.")
            .define(LOCAL_DC, Type.STRING, "datacenter1", Importance.MEDIUM, "The driver's local data centre.")
            .define(KEYSPACE, Type.STRING, "", Importance.MEDIUM,
                    "When set, replaces the keyspace named in the topic.<topic>.<keyspace>.<table>.mapping keys.")
            .define(MAX_CONCURRENT_REQUESTS, Type.INT, 512, Range.atLeast(1), Importance.MEDIUM,
                    "Write requests in flight at most; the task waits when it is reached.")
            .define(MAX_BATCH_RECORDS, Type.INT, 32, Range.atLeast(1), Importance.LOW,
                    "Rows of one partition sent together in one unlogged batch.")
            .define(QUERY_TIMEOUT, Type.INT, 30, Range.atLeast(1), Importance.LOW,
                    "Seconds before a write request times out (and is retried).")
            .define(RETRY_MAX_BACKOFF_MS, Type.LONG, 5000L, Range.atLeast(1), Importance.LOW,
                    "Longest pause between two attempts of a failed write; writes are retried until they succeed.")
            .define(MAX_PENDING_RECORDS, Type.LONG, 20_000L, Range.atLeast(1), Importance.LOW,
                    "Records handed to Cassandra and not yet acknowledged at most; put waits when there are more. "
                            + "Only acknowledged records' offsets are committed.");

    public CassandraSinkConfig(Map<String, String> props) {
        super(DEFINITION, props);
    }

    public CassandraSettings cassandraSettings() {
        Map<String, String> env = new HashMap<>();
        env.put("CASSANDRA_HOST", getList(CONTACT_POINTS).get(0));
        env.put("CASSANDRA_PORT", String.valueOf(getInt(PORT)));
        env.put("CASSANDRA_DATACENTER", getString(LOCAL_DC));
        env.put("CASSANDRA_REQUEST_TIMEOUT", String.valueOf(getInt(QUERY_TIMEOUT)));
        if (!getString(KEYSPACE).isBlank()) {
            env.put("CASSANDRA_KEYSPACE", getString(KEYSPACE));
        }
        return CassandraSettings.from(new EnvConfig(env));
    }

    public WriterOptions writerOptions() {
        return new WriterOptions(getInt(MAX_CONCURRENT_REQUESTS), getInt(MAX_BATCH_RECORDS),
                WriterOptions.DEFAULTS.initialBackoff(), Duration.ofMillis(getLong(RETRY_MAX_BACKOFF_MS)), RecordLimits.DEFAULTS);
    }

    /**
     * The table mappings, checked for syntax and for a mapping per subscribed topic.
     *
     * @throws ConfigException naming the key or topic that is wrong
     */
    public List<TableMapping> mappings() {
        List<TableMapping> mappings;
        try {
            mappings = SinkMappings.parse(originalsStrings(), getString(KEYSPACE).isBlank() ? null : getString(KEYSPACE));
        } catch (MappingException e) {
            throw new ConfigException(e.getMessage());
        }
        if (mappings.isEmpty()) {
            throw new ConfigException("no table mapping: add topic.<topic>.<keyspace>.<table>.mapping");
        }
        String topics = originalsStrings().getOrDefault(SinkConnector.TOPICS_CONFIG, "");
        for (String topic : topics.split(",")) {
            String name = topic.strip();
            if (!name.isEmpty() && mappings.stream().noneMatch(m -> m.topic().equals(name))) {
                throw new ConfigException("topic '" + name + "' has no topic." + name + ".<keyspace>.<table>.mapping");
            }
        }
        return mappings;
    }
}
