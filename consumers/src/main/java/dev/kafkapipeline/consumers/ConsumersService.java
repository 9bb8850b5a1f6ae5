package dev.kafkapipeline.consumers;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.write.CassandraWriter;
import dev.kafkapipeline.common.service.Service;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumers' work: wait for Cassandra (so start order does not matter),
 * then read, write and commit with a {@link ConsumerLoop} until stopped; a
 * stop lets the batch in hand be written and committed.
 */
final class ConsumersService implements Service {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumersService.class);
    private static final Duration CASSANDRA_WAIT = Duration.ofSeconds(2);

    private final ConsumersSettings settings;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile ConsumerLoop loop;

    ConsumersService(ConsumersSettings settings) {
        this.settings = settings;
    }

    @Override
    public void run() throws InterruptedException {
        try (CqlSession session = openWhenReachable()) {
            if (session == null) {
                return;
            }
            try (CassandraWriter writer = CassandraWriter.open(session, settings.mappings(), settings.writer());
                    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings.consumerProperties());
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.deadLetterProducerProperties())) {
                loop = new ConsumerLoop(consumer, producer, writer, settings.loggedPerSecond(), settings.shutdownGrace());
                if (stopRequested.getCount() == 0) {
                    return;
                }
                loop.run(settings.topics());
            }
        }
    }

    @Override
    public void stop() {
        stopRequested.countDown();
        ConsumerLoop current = loop;
        if (current != null) {
            current.stop();
        }
    }

    /** A session once Cassandra answers; null if asked to stop first. */
    private CqlSession openWhenReachable() throws InterruptedException {
        while (stopRequested.getCount() > 0) {
            try {
                return CassandraSessions.open(settings.cassandra());
            } catch (AllNodesFailedException e) {
                LOG.info("Waiting for Cassandra at {}: {}", settings.cassandra().address(), e.getMessage());
                stopRequested.await(CASSANDRA_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return null;
    }
}
