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
 * {@code retryMaxBackoffMs}, {@code maxPendingRecords} and the record limits
 * ({@code maxRecordBytes}, {@code maxTextBytes}, {@code maxNumberDigits},
 * {@code maxNumberExponent}, the consumers' MAX_RECORD_BYTES ... with the same
 * defaults) are its own too.
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
    public static final String MAX_RECORD_BYTES = "maxRecordBytes";
    public static final String MAX_TEXT_BYTES = "maxTextBytes";
    public static final String MAX_NUMBER_DIGITS = "maxNumberDigits";
    public static final String MAX_NUMBER_EXPONENT = "maxNumberExponent";

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
                    "Longest pause between two attempts while Cassandra is unreachable or overloaded; meanwhile one write "
                            + "tries and the others wait, and all go on once Cassandra answers.")
            .define(MAX_PENDING_RECORDS, Type.LONG, 20_000L, Range.atLeast(1), Importance.LOW,
                    "Records handed to Cassandra and not yet acknowledged at most; put waits when there are more. "
                            + "Only acknowledged records' offsets are committed.")
            .define(MAX_RECORD_BYTES, Type.INT, RecordLimits.DEFAULTS.maxRecordBytes(), Range.atLeast(1), Importance.LOW,
                    "Bytes of a record's JSON value at most; a larger record goes to the dead-letter queue. "
                            + "(Not checked when a converter other than ByteArrayConverter or StringConverter read the value.)")
            .define(MAX_TEXT_BYTES, Type.INT, RecordLimits.DEFAULTS.maxTextBytes(), Range.atLeast(1), Importance.LOW,
                    "UTF-8 bytes of one text value at most, also of the text a number becomes; "
                            + "a record with a larger one goes to the dead-letter queue.")
            .define(MAX_NUMBER_DIGITS, Type.INT, RecordLimits.DEFAULTS.maxNumberDigits(), Range.atLeast(1), Importance.LOW,
                    "Significant digits of one number at most; a record with more goes to the dead-letter queue.")
            .define(MAX_NUMBER_EXPONENT, Type.INT, RecordLimits.DEFAULTS.maxNumberExponent(), Range.atLeast(1), Importance.LOW,
                    "Largest decimal exponent of one number, either sign (1e400 and 1e-400 have 400); "
                            + "a record with a larger one goes to the dead-letter queue.");

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
                WriterOptions.DEFAULTS.initialBackoff(), Duration.ofMillis(getLong(RETRY_MAX_BACKOFF_MS)),
                new RecordLimits(getInt(MAX_RECORD_BYTES), getInt(MAX_TEXT_BYTES), getInt(MAX_NUMBER_DIGITS), getInt(MAX_NUMBER_EXPONENT)));
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
