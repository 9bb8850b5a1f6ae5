package dev.kafkapipeline.connect;

import dev.kafkapipeline.cassandra.client.CassandraSecurity;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * The sink's settings. The names are DataStax's (contactPoints, port,
 * loadBalancing.localDc, auth.*, ssl.*, maxConcurrentRequests,
 * maxNumberOfRecordsInBatch, queryExecutionTimeout,
 * topic.&lt;topic&gt;.&lt;keyspace&gt;.&lt;table&gt;.mapping and .consistencyLevel), so
 * the original pipeline's connector configs work as they are. {@code keyspace}
 * and {@code table} are this sink's own: they replace the keyspace and the table
 * written in the mapping keys, which configuration providers cannot reach (the
 * committed sinks set them from CASSANDRA_KEYSPACE and WEATHER_TABLE, FAKER_TABLE
 * or FASTF1_TABLE, as the consumers do); {@code retryMaxBackoffMs},
 * {@code maxPendingRecords} and the record limits ({@code maxRecordBytes},
 * {@code maxTextBytes}, {@code maxNumberDigits}, {@code maxNumberExponent}: the
 * consumers' MAX_RECORD_BYTES ... with the same defaults) are its own too.
 *
 * <p>The sink configs take the Cassandra settings from the worker's environment
 * ({@code ${env:CASSANDRA_HOST}} and friends). A variable the worker does not
 * have leaves its reference unresolved; such a value, like a blank one, counts
 * as unset, so the setting keeps its default, as the services' own variables do.
 *
 * <p>The settings become a {@link CassandraSettings} through the services' own
 * loader, so both paths check them alike; its messages name the settings here.
 */
public final class CassandraSinkConfig extends AbstractConfig {
    public static final String CONTACT_POINTS = "contactPoints";
    public static final String PORT = "port";
    public static final String LOCAL_DC = "loadBalancing.localDc";
    public static final String AUTH_PROVIDER = "auth.provider";
    public static final String AUTH_USERNAME = "auth.username";
    public static final String AUTH_PASSWORD = "auth.password";
    public static final String SSL_PROVIDER = "ssl.provider";
    public static final String SSL_TRUSTSTORE_PATH = "ssl.truststore.path";
    public static final String SSL_TRUSTSTORE_PASSWORD = "ssl.truststore.password";
    public static final String SSL_HOSTNAME_VALIDATION = "ssl.hostnameValidation";
    public static final String KEYSPACE = "keyspace";
    public static final String TABLE = "table";
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
                    "Cassandra nodes to connect to first, each host or host:port; the driver discovers the rest of the ring.")
            .define(PORT, Type.INT, 9042, Range.between(1, 65535), Importance.HIGH,
                    "Cassandra's CQL port, for the contact points that name none.")
            .define(LOCAL_DC, Type.STRING, "datacenter1", Importance.MEDIUM,
                    "The driver's local data centre: the contact points' DC, where the writes go.")
            .define(AUTH_PROVIDER, Type.STRING, "None", ConfigDef.CaseInsensitiveValidString.in("None", "PLAIN"), Importance.HIGH,
                    "None, or PLAIN: username and password (PasswordAuthenticator). PLAIN is implied by auth.username.")
            .define(AUTH_USERNAME, Type.STRING, "", Importance.HIGH, "The Cassandra role to log in as.")
            .define(AUTH_PASSWORD, Type.PASSWORD, "", Importance.HIGH,
                    "The role's password; pass it as ${env:CASSANDRA_PASSWORD}, so the connector's stored config never holds it.")
            .define(SSL_PROVIDER, Type.STRING, "None", ConfigDef.CaseInsensitiveValidString.in("None", "JDK", "false", "true"),
                    Importance.HIGH, "None, or JDK: TLS to Cassandra. Also false or true, so that ${env:CASSANDRA_SSL} works.")
            .define(SSL_TRUSTSTORE_PATH, Type.STRING, "", Importance.HIGH,
                    "Trust store (JKS or PKCS12) with the CA of the nodes' certificates; empty: the JVM's CAs.")
            .define(SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, "", Importance.HIGH, "The trust store's password.")
            .define(SSL_HOSTNAME_VALIDATION, Type.BOOLEAN, true, Importance.HIGH,
                    "Check that each node's certificate names the address the driver connects to.")
            .define(KEYSPACE, Type.STRING, "", Importance.MEDIUM,
                    "When set, replaces the keyspace named in the topic.<topic>.<keyspace>.<table>.mapping keys.")
            .define(TABLE, Type.STRING, "", Importance.MEDIUM,
                    "When set, replaces the table named in the topic.<topic>.<keyspace>.<table>.mapping key; "
                            + "only for a connector with one mapping.")
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

    /**
     * The services' variable behind each setting, longest first, so that a
     * message of the shared loader can be told in this connector's names.
     */
    private static final List<Map.Entry<String, String>> SETTING_OF_VARIABLE = List.of(
            Map.entry(CassandraSecurity.TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_PASSWORD),
            Map.entry(CassandraSecurity.HOSTNAME_VALIDATION, SSL_HOSTNAME_VALIDATION),
            Map.entry(CassandraSecurity.TRUSTSTORE_PATH, SSL_TRUSTSTORE_PATH),
            Map.entry(CassandraSecurity.USERNAME, AUTH_USERNAME),
            Map.entry(CassandraSecurity.PASSWORD, AUTH_PASSWORD),
            Map.entry(CassandraSecurity.SSL, SSL_PROVIDER),
            Map.entry("CASSANDRA_HOST", CONTACT_POINTS));
    private static final Pattern UNRESOLVED_VARIABLE = Pattern.compile("\\$\\{[^}]*}");

    public CassandraSinkConfig(Map<String, String> props) {
        super(DEFINITION, withoutUnsetValues(props));
    }

    /**
     * The props without the sink's own settings whose value is blank or a
     * variable reference the worker could not resolve: those keep their defaults.
     */
    static Map<String, String> withoutUnsetValues(Map<String, String> props) {
        Map<String, String> set = new HashMap<>(props);
        set.keySet().removeAll(unsetSettings(props));
        return set;
    }

    /** The sink's own settings that count as unset: blank, or a variable reference the worker could not resolve. */
    static Set<String> unsetSettings(Map<String, String> props) {
        Set<String> unset = new TreeSet<>();
        props.forEach((key, value) -> {
            if (DEFINITION.names().contains(key)
                    && (value == null || value.isBlank() || UNRESOLVED_VARIABLE.matcher(value.strip()).matches())) {
                unset.add(key);
            }
        });
        return unset;
    }

    /**
     * The driver settings, through the services' loader.
     *
     * @throws ConfigException naming this connector's settings
     */
    public CassandraSettings cassandraSettings() {
        Map<String, String> env = new HashMap<>();
        env.put("CASSANDRA_HOST", String.join(",", getList(CONTACT_POINTS)));
        env.put("CASSANDRA_PORT", String.valueOf(getInt(PORT)));
        env.put("CASSANDRA_DATACENTER", getString(LOCAL_DC));
        env.put("CASSANDRA_REQUEST_TIMEOUT", String.valueOf(getInt(QUERY_TIMEOUT)));
        if (!getString(KEYSPACE).isBlank()) {
            env.put("CASSANDRA_KEYSPACE", getString(KEYSPACE));
        }
        // As in DataStax's sink, a username implies PLAIN.
        boolean plain = getString(AUTH_PROVIDER).equalsIgnoreCase("PLAIN") || !getString(AUTH_USERNAME).isBlank();
        if (plain && getString(AUTH_USERNAME).isBlank()) {
            throw new ConfigException(AUTH_PROVIDER + " PLAIN needs " + AUTH_USERNAME + " and " + AUTH_PASSWORD);
        }
        if (!plain && !getPassword(AUTH_PASSWORD).value().isEmpty()) {
            throw new ConfigException(AUTH_PASSWORD + " is set without " + AUTH_USERNAME);
        }
        if (plain) {
            env.put(CassandraSecurity.USERNAME, getString(AUTH_USERNAME));
            env.put(CassandraSecurity.PASSWORD, getPassword(AUTH_PASSWORD).value());
        }
        String ssl = getString(SSL_PROVIDER);
        env.put(CassandraSecurity.SSL, String.valueOf(ssl.equalsIgnoreCase("JDK") || ssl.equalsIgnoreCase("true")));
        env.put(CassandraSecurity.TRUSTSTORE_PATH, getString(SSL_TRUSTSTORE_PATH));
        env.put(CassandraSecurity.TRUSTSTORE_PASSWORD, getPassword(SSL_TRUSTSTORE_PASSWORD).value());
        if (!getBoolean(SSL_HOSTNAME_VALIDATION)) {
            env.put(CassandraSecurity.HOSTNAME_VALIDATION, "false");
        }
        try {
            return CassandraSettings.from(new EnvConfig(env));
        } catch (dev.kafkapipeline.common.config.ConfigException e) {
            String message = e.getMessage();
            for (Map.Entry<String, String> names : SETTING_OF_VARIABLE) {
                message = message.replace(names.getKey(), names.getValue());
            }
            throw new ConfigException(message);
        }
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
            mappings = SinkMappings.parse(originalsStrings(), setOrNull(KEYSPACE), setOrNull(TABLE));
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

    /** A string setting's value, or null when it is unset (blank, or a reference the worker could not resolve). */
    private String setOrNull(String name) {
        return getString(name).isBlank() ? null : getString(name);
    }
}
