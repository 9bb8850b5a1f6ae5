package dev.kafkapipeline.local.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.kafkapipeline.cassandra.client.CassandraSecurity;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.local.process.ModuleClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Apache Cassandra node (cassandra-all from Maven Central) in its own JVM,
 * listening on loopback only, with its data under the stack's data folder:
 * the stack's one node, or a member of the cluster's ring on its own
 * loopback address (127.0.0.N), all members on the same ports.
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

    CassandraNode(ServerMember member, StackSettings settings, ModuleClasspath classpath) {
        super(member, settings, classpath);
    }

    /** The stack's nodes, in the order they join the ring. */
    static List<ServerMember> members(ClusterTopology topology) {
        return ServerMember.of(NAME, topology.cassandraNodes());
    }

    @Override
    public String address() {
        return member.address(settings.ports().cassandraCql());
    }

    @Override
    public Map<Endpoint, String> ports() {
        return Map.of(
                new Endpoint(member.host(), settings.ports().cassandraCql()), "Cassandra CQL (PIPELINE_CASSANDRA_PORT)",
                new Endpoint(member.host(), settings.ports().cassandraStorage()), "Cassandra storage (PIPELINE_CASSANDRA_STORAGE_PORT)");
    }

    private Path yaml() {
        return home().resolve("cassandra.yaml");
    }

    /**
     * The node's java.io.tmpdir: the native libraries it unpacks (lz4) are deleted at exit, but not when it
     * is killed, so they stay in the node's folder, which reset removes, rather than in /tmp.
     */
    private Path temporaryFiles() {
        return home().resolve("tmp");
    }

    /** Where GossipingPropertyFileSnitch reads the node's data centre and rack. */
    private Path rackFile() {
        return home().resolve("cassandra-rackdc.properties");
    }

    @Override
    public void prepare() {
        Path home = home();
        ClusterTopology topology = settings.topology();
        int storagePort = settings.ports().cassandraStorage();
        String yaml = String.join("\n",
                "cluster_name: " + ClusterTopology.CASSANDRA_CLUSTER_NAME,
                "num_tokens: 16",
                "allocate_tokens_for_local_replication_factor: " + topology.replicationFactor(),
                "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
                "endpoint_snitch: " + topology.snitch(),
                "seed_provider:",
                "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
                "    parameters:",
                "      - seeds: \"" + topology.seeds(n -> ServerMember.host(n) + ":" + storagePort) + "\"",
                "listen_address: " + member.host(),
                "rpc_address: " + member.host(),
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
            Files.createDirectories(temporaryFiles());
            Files.writeString(yaml(), yaml, StandardCharsets.UTF_8);
            if (topology.isCluster()) {
                Files.writeString(rackFile(), "dc=" + topology.datacenter() + "\nrack=rack1\n", StandardCharsets.UTF_8);
            }
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
                "-Djava.io.tmpdir=" + temporaryFiles(),
                "-Dcassandra.logdir=" + settings.logDirectory(),
                "-Dcassandra-foreground=yes",
                "-Dlogback.configurationFile=" + loggingConfig("logback-cassandra.xml"),
                // A single node has no gossip to wait for; these cut start-up by seconds.
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=1000",
                "-Dcassandra.superuser_setup_delay_ms=0"));
        if (settings.topology().isCluster()) {
            options.add("-Dcassandra-rackdc.properties=" + rackFile().toUri());
        }
        return JvmCommand.of(marker, settings.cassandraHeap(), options, classpath,
                "org.apache.cassandra.service.CassandraDaemon", List.of());
    }

    /**
     * CQL answers on the node's own address, asked of the node itself: a
     * member of a ring opens CQL once it has joined, and the driver would send
     * a statement to any node that answers.
     */
    @Override
    public boolean isReady() {
        if (!Ports.accepts(new Endpoint(member.host(), settings.ports().cassandraCql()))) {
            return false;
        }
        try (CqlSession session = CassandraSessions.open(clientSettings(settings, Duration.ofSeconds(5), member.host()))) {
            Optional<Node> node = session.getMetadata().getNodes().values().stream()
                    .filter(n -> n.getEndPoint().resolve() instanceof InetSocketAddress at
                            && at.getAddress().getHostAddress().equals(member.host()))
                    .findFirst();
            return node.isPresent() && session.execute(SimpleStatement.newInstance("SELECT release_version FROM system.local")
                    .setNode(node.get())).one() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Driver settings that reach the stack's nodes (every one, so that a client
     * starts while any one is down), on top of the stack's environment
     * (keyspace, table names); the nodes ask for no credentials and speak no
     * TLS. A cluster's keyspace replicates as its topology says.
     */
    static CassandraSettings clientSettings(StackSettings settings, Duration requestTimeout) {
        return clientSettings(settings, requestTimeout, settings.topology().contactPoints(ServerMember::host));
    }

    private static CassandraSettings clientSettings(StackSettings settings, Duration requestTimeout, String contactPoints) {
        CassandraSettings configured = CassandraSettings.from(settings.env());
        ClusterTopology topology = settings.topology();
        return new CassandraSettings(contactPoints, settings.ports().cassandraCql(), topology.datacenter(),
                configured.keyspace(), configured.weatherTable(), configured.fakerTable(), configured.fastf1Table(),
                topology.isCluster() ? topology.keyspaceReplication() : configured.replication(), requestTimeout,
                configured.schemaTimeout(), CassandraSecurity.NONE);
    }
}
