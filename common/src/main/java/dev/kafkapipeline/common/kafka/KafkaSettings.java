package dev.kafkapipeline.common.kafka;

import dev.kafkapipeline.common.config.EnvConfig;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka client settings shared by every service: the one place that builds
 * Kafka client properties. Keys are strings (location, name, session/driver),
 * values are the JSON bytes of a flat record. Every client gets the bootstrap
 * list and the {@link KafkaSecurity} settings from the environment.
 */
public final class KafkaSettings {
    /** The original pipeline's variable; a comma-separated bootstrap list. */
    public static final String BROKER_URL = "KAFKA_BROKER_URL";
    public static final String DEFAULT_BROKER_URL = "localhost:9092";

    private KafkaSettings() {}

    public static String bootstrapServers(EnvConfig config) {
        return config.string(BROKER_URL, DEFAULT_BROKER_URL);
    }

    /** The security settings, checked: a service calls this at start so a bad combination stops it with one line. */
    public static KafkaSecurity security(EnvConfig config) {
        return KafkaSecurity.from(config);
    }

    /** An idempotent producer that waits for all in-sync replicas, so a retry never duplicates or loses a record. */
    public static Properties producer(EnvConfig config, String clientId) {
        Properties props = client(config);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /** A producer of dead letters: as {@link #producer}, taking records as large as a dead-letter topic does. */
    public static Properties deadLetterProducer(EnvConfig config, String clientId) {
        Properties props = producer(config, clientId);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.DEAD_LETTER_MAX_BYTES);
        return props;
    }

    /**
     * A consumer that commits by hand (only after its writes succeeded) and, in a
     * new group, starts from the earliest record, so records produced before the
     * consumer started are not lost.
     */
    public static Properties consumer(EnvConfig config, String groupId) {
        Properties props = client(config);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /** An admin client, for the producers' wait for Kafka. */
    public static Properties admin(EnvConfig config, String clientId) {
        Properties props = client(config);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    private static Properties client(EnvConfig config) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(config));
        // The pipeline's brokers subscribe no client to metrics; pushing would only cost each client a
        // subscription call and the telemetry classes (a hundred, with their shaded protobuf).
        props.put(CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG, false);
        props.putAll(security(config).clientProperties());
        return props;
    }
}
