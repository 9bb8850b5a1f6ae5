package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.cassandra.client.CassandraSettings;
import java.time.Duration;
import java.util.Map;

/**
 * The variables that point a client of the stack at it: the project's
 * services, Connect's sink configs ({@code ${env:CASSANDRA_HOST}}), the
 * notebook's kernel and the commands ./pipeline runs in the foreground.
 */
final class StackClients {
    private StackClients() {}

    static Map<String, String> environment(StackSettings settings) {
        CassandraSettings cassandra = CassandraNode.clientSettings(settings, Duration.ofSeconds(10));
        return Map.of(
                "KAFKA_BROKER_URL", KafkaBroker.bootstrapServers(settings),
                "CASSANDRA_HOST", cassandra.host(),
                "CASSANDRA_PORT", Integer.toString(cassandra.port()),
                "CASSANDRA_KEYSPACE", cassandra.keyspace());
    }
}
