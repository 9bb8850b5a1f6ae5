package dev.kafkapipeline.consumers.secured;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.config.Secret;
import dev.kafkapipeline.local.stack.CassandraJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A single Cassandra node on 127.0.0.1 that asks for a password
 * (PasswordAuthenticator) and speaks only TLS to clients
 * (client_encryption_options, not optional). Its own cluster name and ports
 * keep it apart from the build's shared node.
 */
public final class SecuredCassandra extends TestServer {
    /** The role every new PasswordAuthenticator cluster has; used only to create the role under test. */
    private static final String SUPERUSER = "cassandra";

    private final int cqlPort;
    private final int storagePort;

    public SecuredCassandra(Path home, int cqlPort, int storagePort) {
        super("secured-cassandra", home, "cassandra/node");
        this.cqlPort = cqlPort;
        this.storagePort = storagePort;
    }

    public String contactPoint() {
        return "127.0.0.1:" + cqlPort;
    }

    public void start(TestTls tls) throws IOException {
        Path yaml = home.resolve("cassandra.yaml");
        Files.createDirectories(home);
        Files.writeString(yaml, String.join("\n",
                "cluster_name: kafkapipeline-secured-test",
                "num_tokens: 16",
                "allocate_tokens_for_local_replication_factor: 1",
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "endpoint_snitch: SimpleSnitch",
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"127.0.0.1:" + storagePort + "\"",
                "listen_address: 127.0.0.1",
                "rpc_address: 127.0.0.1",
                "storage_port: " + storagePort,
                "native_transport_port: " + cqlPort,
                "start_native_transport: true",
                "data_file_directories:",
                "  - " + home.resolve("data"),
                "commitlog_directory: " + home.resolve("commitlog"),
                "saved_caches_directory: " + home.resolve("saved_caches"),
                "hints_directory: " + home.resolve("hints"),
                "cdc_raw_directory: " + home.resolve("cdc_raw"),
                "commitlog_sync: periodic",
                "commitlog_sync_period: 10000ms",
                "authenticator: PasswordAuthenticator",
                "authorizer: AllowAllAuthorizer",
                "role_manager: CassandraRoleManager",
                "client_encryption_options:",
                "  enabled: true",
                "  optional: false",
                "  keystore: " + tls.keyStore(),
                // A hex password: no YAML quoting needed.
                "  keystore_password: " + tls.keyStorePassword().reveal(),
                ""), StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>(CassandraJvm.java17Options());
        options.addAll(List.of(
                "-XX:+UseG1GC",
                "-Xss512k",
                "-Dcassandra.config=" + yaml.toUri(),
                "-Dcassandra.storagedir=" + home,
                "-Dcassandra.logdir=" + home.resolve("logs"),
                "-Dcassandra-foreground=yes",
                "-Dlogback.configurationFile=" + moduleResource("logback-cassandra.xml"),
                // One node, nothing to gossip with; the default superuser at once rather than after 10 s.
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=1000",
                "-Dcassandra.superuser_setup_delay_ms=0"));
        launch(List.of(cqlPort, storagePort), "768m", options, "org.apache.cassandra.service.CassandraDaemon", List.of());
    }

    /**
     * Waits until the default superuser can log in over TLS, then creates the
     * login role the test's clients use. {@code clientEnv} holds the TLS settings.
     */
    public void awaitReadyAndCreateRole(EnvConfig clientEnv, String role, Secret password, Duration timeout) {
        CassandraSettings superuser = CassandraSettings.from(clientEnv.with(Map.of(
                "CASSANDRA_HOST", contactPoint(), "CASSANDRA_USERNAME", SUPERUSER, "CASSANDRA_PASSWORD", SUPERUSER)));
        awaitReady(timeout, () -> {
            try (CqlSession session = CassandraSessions.open(superuser)) {
                // CQL string literal: a quote is written twice.
                session.execute("CREATE ROLE IF NOT EXISTS " + role + " WITH PASSWORD = '"
                        + password.reveal().replace("'", "''") + "' AND LOGIN = true");
                return true;
            } catch (RuntimeException e) {
                // Not listening yet, or the superuser not made yet: both pass within seconds of the start.
                return false;
            }
        });
    }
}
