package dev.kafkapipeline.local.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSecurity;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.local.process.ModuleClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A single Apache Cassandra node (cassandra-all from Maven Central) in its own
 * JVM, listening on loopback only, with its data under the stack's data folder.
 */
final class CassandraNode extends ServerNode {
    static final String NAME = "cassandra";
    static final String MODULE = "cassandra/node";

    /**
     * Cassandra 5.0's conf/jvm17-server.options: without these module options
     * Java 17 stops the node at start (FileUtils, netty, JMX registry).
     */
    static final List<String> JAVA17_MODULE_OPTIONS = List.of(
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.nio=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.math=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-Dio.netty.allocator.useCacheForAllThreads=true",
            "-Dio.netty.allocator.maxOrder=11");

    CassandraNode(StackSettings settings, ModuleClasspath classpath) {
        super(NAME, settings, classpath);
    }

    @Override
    public String address() {
        return "127.0.0.1:" + settings.ports().cassandraCql();
    }

    @Override
    public Map<Integer, String> ports() {
        return Map.of(
                settings.ports().cassandraCql(), "Cassandra CQL (PIPELINE_CASSANDRA_PORT)",
                settings.ports().cassandraStorage(), "Cassandra storage (PIPELINE_CASSANDRA_STORAGE_PORT)");
    }

    private Path yaml() {
        return home().resolve("cassandra.yaml");
    }

    @Override
    public void prepare() {
        Path home = home();
        int storagePort = settings.ports().cassandraStorage();
        String yaml = String.join("\n",
                "cluster_name: kafkapipeline",
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
                "native_transport_port: " + settings.ports().cassandraCql(),
                "start_native_transport: true",
                "data_file_directories:",
                "  - " + home.resolve("data"),
                "commitlog_directory: " + home.resolve("commitlog"),
                "saved_caches_directory: " + home.resolve("saved_caches"),
                "hints_directory: " + home.resolve("hints"),
                "cdc_raw_directory: " + home.resolve("cdc_raw"),
                // A write is acknowledged only once the commit log holding it is on disk: with Cassandra's
                // default (periodic) a SIGKILL lost writes it had already acknowledged (README: Reliability).
                "commitlog_sync: batch",
                // Each write holds a thread until its flush: let more wait at once than the default 32, so
                // that one flush covers more writes.
                "concurrent_writes: 128",
                "");
        try {
            Files.createDirectories(home);
            Files.writeString(yaml(), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + yaml() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> command(String marker) {
        List<String> options = new java.util.ArrayList<>(JAVA17_MODULE_OPTIONS);
        options.addAll(List.of(
                "-XX:+UseG1GC",
                "-Xss512k",
                "-Dcassandra.config=" + yaml().toUri(),
                "-Dcassandra.storagedir=" + home(),
                "-Dcassandra.logdir=" + settings.logDirectory(),
                "-Dcassandra-foreground=yes",
                "-Dlogback.configurationFile=" + loggingConfig("logback-cassandra.xml"),
                // A single node has no gossip to wait for; these cut start-up by seconds.
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=1000",
                "-Dcassandra.superuser_setup_delay_ms=0"));
        return JvmCommand.of(marker, settings.cassandraHeap(), options, classpath,
                "org.apache.cassandra.service.CassandraDaemon", List.of());
    }

    @Override
    public boolean isReady() {
        if (!Ports.accepts(settings.ports().cassandraCql())) {
            return false;
        }
        try (CqlSession session = CassandraSessions.open(clientSettings(settings, Duration.ofSeconds(5)))) {
            return session.execute("SELECT release_version FROM system.local").one() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Driver settings that reach this node, on top of the stack's environment
     * (keyspace, table names); the node asks for no credentials and speaks no TLS.
     */
    static CassandraSettings clientSettings(StackSettings settings, Duration requestTimeout) {
        CassandraSettings configured = CassandraSettings.from(settings.env());
        return new CassandraSettings("127.0.0.1", settings.ports().cassandraCql(), "datacenter1",
                configured.keyspace(), configured.weatherTable(), configured.fakerTable(), configured.fastf1Table(),
                configured.replication(), requestTimeout, configured.schemaTimeout(), CassandraSecurity.NONE);
    }
}
