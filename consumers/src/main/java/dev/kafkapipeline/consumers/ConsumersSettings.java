package dev.kafkapipeline.consumers;

import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.cassandra.client.write.RecordLimits;
import dev.kafkapipeline.cassandra.client.write.WriterOptions;
import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The consumers' configuration, read and checked before anything connects:
 * TOPIC_NAME (weather, faker, fastf1 or all), CONSUMER_GROUP,
 * CONSUMER_MAX_POLL_RECORDS, CONSUMER_SESSION_TIMEOUT, CASSANDRA_MAX_IN_FLIGHT, CONSUMER_LOG_PER_SECOND,
 * SHUTDOWN_GRACE, and Cassandra's and Kafka's own variables.
 */
record ConsumersSettings(EnvConfig env, List<String> topics, String group, int maxPollRecords, CassandraSettings cassandra,
                         List<TableMapping> mappings, WriterOptions writer, int loggedPerSecond, Duration shutdownGrace) {

    static ConsumersSettings from(EnvConfig env) {
        String topicName = env.string("TOPIC_NAME", TopicSelection.ALL);
        List<String> topics = TopicSelection.parse(topicName);
        CassandraSettings cassandra = CassandraSettings.from(env);
        RecordLimits limits = new RecordLimits(atLeastOne(env, "MAX_RECORD_BYTES", RecordLimits.DEFAULTS.maxRecordBytes()),
                atLeastOne(env, "MAX_TEXT_BYTES", RecordLimits.DEFAULTS.maxTextBytes()),
                atLeastOne(env, "MAX_NUMBER_DIGITS", RecordLimits.DEFAULTS.maxNumberDigits()),
                atLeastOne(env, "MAX_NUMBER_EXPONENT", RecordLimits.DEFAULTS.maxNumberExponent()));
        WriterOptions writer = new WriterOptions(atLeastOne(env, "CASSANDRA_MAX_IN_FLIGHT", WriterOptions.DEFAULTS.maxInFlight()),
                WriterOptions.DEFAULTS.maxBatchRows(), WriterOptions.DEFAULTS.initialBackoff(), WriterOptions.DEFAULTS.maxBackoff(),
                limits);
        return new ConsumersSettings(env, topics, env.string("CONSUMER_GROUP", "consumers-" + topicName),
                atLeastOne(env, "CONSUMER_MAX_POLL_RECORDS", 2000), cassandra, ConsumerMappings.forTopics(topics, env),
                writer, env.integer("CONSUMER_LOG_PER_SECOND", 5), env.seconds("SHUTDOWN_GRACE", Duration.ofSeconds(20)));
    }

    Properties consumerProperties() {
        Properties props = KafkaSettings.consumer(env, group);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // How long a consumer killed without leaving the group holds its partitions (Kafka's default: 45 s).
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) env.seconds("CONSUMER_SESSION_TIMEOUT", Duration.ofSeconds(45)).toMillis());
        return props;
    }

    Properties deadLetterProducerProperties() {
        return KafkaSettings.deadLetterProducer(env, "consumers-dlq");
    }

    private static int atLeastOne(EnvConfig env, String name, int defaultValue) {
        int value = env.integer(name, defaultValue);
        if (value < 1) {
            throw new ConfigException(name + " must be at least 1, got " + value);
        }
        return value;
    }
}
