package dev.kafkapipeline.common.producer;

import org.apache.kafka.common.errors.AuthenticationException;

/**
 * Kafka answered but refused this client: wrong SASL credentials, or a broker
 * certificate the trust store does not vouch for. Waiting longer cannot help.
 * The message is Kafka's own, which names the mechanism, never the password.
 */
public final class BrokerRefusedException extends RuntimeException {
    BrokerRefusedException(String bootstrapServers, AuthenticationException cause) {
        super("Kafka at " + bootstrapServers + " refused this client (check KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* and "
                + "KAFKA_SSL_TRUSTSTORE_*): " + cause.getMessage(), cause);
    }
}
