package dev.kafkapipeline.testsupport;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.stack.ConnectRest;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.Poll;
import dev.kafkapipeline.local.stack.ServiceOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;

/**
 * Puts the shared stack back to what {@code up} leaves on an empty data
 * folder, so that a test class sees nothing of the classes before it: every
 * server running, no connectors, only the pipeline's topics (empty), no
 * consumer groups, the pipeline's tables empty and no other keyspace or table,
 * and no trace of a service that ran and ended (outcome and pid files, which
 * status would report). Connect's own topics stay; they hold no data of a test once the connectors
 * are gone.
 */
final class StackReset {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> CONNECT_TOPICS = Set.of("connect-configs", "connect-offsets", "connect-status");

    private final NativeStack stack;
    private final Consumer<String> progress;

    StackReset(NativeStack stack, Consumer<String> progress) {
        this.stack = stack;
        this.progress = progress;
    }

    void run() {
        long t0 = System.nanoTime();
        stack.up();
        if (stack.restartConnectOnNewPlugin()) {
            progress.accept("Connect restarted: the sink plugin was rebuilt since it started");
        }
        deleteConnectors();
        try (Admin admin = stack.kafkaAdmin()) {
            deleteTopics(admin);
            deleteConsumerGroups(admin);
        }
        stack.createTopics();
        emptyCassandra();
        forgetEndedServices();
        progress.accept(String.format("clean slate in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    private void forgetEndedServices() {
        for (String name : stack.everyServiceName()) {
            ManagedProcess process = stack.process(name);
            if (process.running().isEmpty()) {
                process.forgetStalePidFile();
                try {
                    Files.deleteIfExists(ServiceOutcome.fileOf(stack.settings(), name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void deleteConnectors() {
        ConnectRest connect = new ConnectRest(stack.connectUrl());
        connect.connectorNames().forEach(connect::delete);
        await("connectors deleted", () -> connect.connectorNames().isEmpty());
    }

    private void deleteTopics(Admin admin) {
        List<String> doomed = topics(admin).stream().filter(topic -> !CONNECT_TOPICS.contains(topic)).toList();
        if (doomed.isEmpty()) {
            return;
        }
        get(admin.deleteTopics(doomed).all());
        await("topics " + doomed + " deleted", () -> topics(admin).stream().noneMatch(doomed::contains));
    }

    private void deleteConsumerGroups(Admin admin) {
        List<String> groups = get(admin.listConsumerGroups().all()).stream().map(ConsumerGroupListing::groupId).toList();
        if (!groups.isEmpty()) {
            // Connect removes a deleted connector's group members a moment later; until then the group is not empty.
            await("consumer groups " + groups + " deleted", () -> {
                try {
                    admin.deleteConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
                    return true;
                } catch (ExecutionException | TimeoutException e) {
                    return get(admin.listConsumerGroups().all()).isEmpty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            });
        }
    }

    private static Set<String> topics(Admin admin) {
        return get(admin.listTopics().names());
    }

    private void emptyCassandra() {
        CassandraSettings settings = stack.cassandraSettings();
        Set<String> pipelineTables = Set.of(settings.weatherTable(), settings.fakerTable(), settings.fastf1Table());
        try (CqlSession session = CassandraSessions.open(settings)) {
            for (KeyspaceMetadata keyspace : session.getMetadata().getKeyspaces().values()) {
                String name = keyspace.getName().asInternal();
                if (name.startsWith("system")) {
                    continue;
                }
                if (!name.equals(settings.keyspace())) {
                    execute(session, "DROP KEYSPACE " + keyspace.getName().asCql(true));
                    continue;
                }
                for (CqlIdentifier table : keyspace.getTables().keySet()) {
                    String qualified = keyspace.getName().asCql(true) + "." + table.asCql(true);
                    execute(session, (pipelineTables.contains(table.asInternal()) ? "TRUNCATE " : "DROP TABLE ") + qualified);
                }
            }
        }
    }

    private static void execute(CqlSession session, String cql) {
        session.execute(SimpleStatement.newInstance(cql).setTimeout(TIMEOUT));
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        if (!Poll.until(condition, TIMEOUT, Duration.ofMillis(200))) {
            throw new IllegalStateException("resetting the shared stack: not done within " + TIMEOUT.toSeconds() + " s: " + what);
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("resetting the shared stack: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
