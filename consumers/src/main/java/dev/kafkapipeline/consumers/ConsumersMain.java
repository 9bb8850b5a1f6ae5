package dev.kafkapipeline.consumers;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.cassandra.client.write.CassandraWriter;
import dev.kafkapipeline.cassandra.client.write.WriterOptions;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The consumers service: TOPIC_NAME (weather, faker, fastf1 or all; default all)
 * chooses the topics, the rows go to Cassandra through the same writer and
 * mapping as the Kafka Connect sink. SIGTERM or Ctrl-C: the batch in hand is
 * written and committed, then the process exits 0.
 */
public final class ConsumersMain {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumersMain.class);
    private static final Duration CASSANDRA_WAIT = Duration.ofSeconds(2);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile ConsumerLoop loop;

    public static void main(String[] args) throws InterruptedException {
        ConsumersMain service = new ConsumersMain();
        // A handled signal rather than a shutdown hook: main finishes, commits and returns, so the exit code is 0.
        Signal.handle(new Signal("TERM"), s -> service.stop());
        Signal.handle(new Signal("INT"), s -> service.stop());
        service.run(EnvConfig.fromEnvironment());
        LOG.info("Consumers stopped");
    }

    /** Asks {@link #run} to write the batch in hand, commit it and return; public for tests of other modules that run the service in-process. */
    public void stop() {
        stopRequested.countDown();
        ConsumerLoop current = loop;
        if (current != null) {
            current.stop();
        }
    }

    /** The service's whole run, until {@link #stop}; public for tests of other modules that run it in-process. */
    public void run(EnvConfig env) throws InterruptedException {
        String topicName = env.string("TOPIC_NAME", TopicSelection.ALL);
        List<String> topics = TopicSelection.parse(topicName);
        CassandraSettings settings = CassandraSettings.from(env);
        List<TableMapping> mappings = ConsumerMappings.forTopics(topics, settings);
        Properties consumerProps = KafkaSettings.consumer(env, env.string("CONSUMER_GROUP", "consumers-" + topicName));
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, env.integer("CONSUMER_MAX_POLL_RECORDS", 2000));
        WriterOptions options = new WriterOptions(env.integer("CASSANDRA_MAX_IN_FLIGHT", WriterOptions.DEFAULTS.maxInFlight()),
                WriterOptions.DEFAULTS.maxBatchRows(), WriterOptions.DEFAULTS.initialBackoff(), WriterOptions.DEFAULTS.maxBackoff());

        try (CqlSession session = openWhenReachable(settings)) {
            if (session == null) {
                return;
            }
            try (CassandraWriter writer = CassandraWriter.open(session, mappings, options);
                    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps);
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaSettings.producer(env, "consumers-dlq"))) {
                loop = new ConsumerLoop(consumer, producer, writer,
                        env.integer("CONSUMER_LOG_PER_SECOND", 5), env.seconds("SHUTDOWN_GRACE", Duration.ofSeconds(20)));
                if (stopRequested.getCount() == 0) {
                    return;
                }
                loop.run(topics);
            }
        }
    }

    /** Waits for Cassandra, so start order does not matter; null if asked to stop first. */
    private CqlSession openWhenReachable(CassandraSettings settings) throws InterruptedException {
        while (stopRequested.getCount() > 0) {
            try {
                return CassandraSessions.open(settings);
            } catch (AllNodesFailedException e) {
                LOG.info("Waiting for Cassandra at {}: {}", settings.address(), e.getMessage());
                stopRequested.await(CASSANDRA_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return null;
    }
}
