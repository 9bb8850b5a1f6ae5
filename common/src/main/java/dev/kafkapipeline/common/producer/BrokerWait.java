package dev.kafkapipeline.common.producer;

import dev.kafkapipeline.common.retry.Backoff;
import dev.kafkapipeline.common.service.ServiceFailure;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until a Kafka broker answers, so a producer started before Kafka (the
 * original pipeline's start-order trap) waits instead of crashing. The pause
 * between tries doubles up to 30 s (from 1 s); only tries 1, 2, 4, 8, ...
 * are logged, so a long wait writes a handful of lines, not one per try.
 * A broker that refuses the client's credentials or certificate trust will not
 * change its mind: that ends the wait at once with a {@link ServiceFailure}.
 */
final class BrokerWait {
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(BrokerWait.class);

    private final String bootstrapServers;
    private final Properties adminProperties;
    private volatile int failedAttempts;

    /** @param adminProperties an admin client's settings (KafkaSettings.admin), security included */
    BrokerWait(String bootstrapServers, Properties adminProperties) {
        this.bootstrapServers = bootstrapServers;
        this.adminProperties = adminProperties;
    }

    /** Returns once a broker answered; throws InterruptedException when the producer is stopped meanwhile. */
    void await() throws InterruptedException {
        long started = System.nanoTime();
        Properties props = new Properties();
        props.putAll(adminProperties);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    int brokers = admin.describeCluster().nodes().get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
                    if (failedAttempts > 0) {
                        LOG.info("Kafka at {} answered after {} s ({} brokers)", bootstrapServers,
                                Duration.ofNanos(System.nanoTime() - started).toSeconds(), brokers);
                    }
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (e.getCause() instanceof AuthenticationException refused) {
                        throw new ServiceFailure("Kafka at " + bootstrapServers + " refused this client (check KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* and "
                                + "KAFKA_SSL_TRUSTSTORE_*): " + refused.getMessage(), refused);
                    }
                    int attempt = ++failedAttempts;
                    Duration backoff = BACKOFF.after(attempt);
                    if (Integer.bitCount(attempt) == 1) {
                        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                        LOG.warn("Kafka at {} not reachable yet (try {}: {}); waiting for it, next try in {} s, then at most every {} s",
                                bootstrapServers, attempt, cause.getClass().getSimpleName(), backoff.toSeconds(), BACKOFF.max().toSeconds());
                    }
                    Thread.sleep(backoff.toMillis());
                }
            }
        }
    }

    int failedAttempts() {
        return failedAttempts;
    }
}
