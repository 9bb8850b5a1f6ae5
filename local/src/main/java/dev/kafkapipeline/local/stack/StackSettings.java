package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.common.config.EnvConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;

/**
 * Everything that decides how the native stack runs: where the repository and
 * the stack's state (data, logs, pid files) are, the ports, and how much of
 * the pipeline to start.
 *
 * @param repository     the project's root folder (holds mvnw and the modules)
 * @param home           the stack's state folder: data/, logs/, run/
 * @param topology       one node of each server, or the three-node cluster (PIPELINE_CLUSTER; {@code up --cluster})
 * @param startServices  start the project's services (producers, consumers, Jupyter) after the infrastructure
 * @param onlyServices   when not empty, only these of the project's services (PIPELINE_SERVICES; "none" for none)
 * @param registerSinks  register kafka/connect/sinks/*.json with Connect once it is up
 * @param offline        run without the internet (PIPELINE_OFFLINE; {@code up --offline}): see {@link OfflineRace}
 */
public record StackSettings(
        Path repository,
        Path home,
        StackPorts ports,
        ClusterTopology topology,
        int topicPartitions,
        String cassandraHeap,
        String kafkaHeap,
        String connectHeap,
        Duration startTimeout,
        Duration stopGrace,
        boolean startServices,
        java.util.List<String> onlyServices,
        boolean registerSinks,
        boolean offline,
        EnvConfig env) {

    /** Set to true (or {@code up --cluster}) for the three-node cluster; a home made by one stays one. */
    public static final String CLUSTER = "PIPELINE_CLUSTER";
    /**
     * How far the cluster test's ports lie above PIPELINE_TEST_PORT_OFFSET's:
     * its first members listen on 127.0.0.1, where the build's shared
     * single-node stack may run at the same time.
     */
    static final int CLUSTER_TEST_PORT_SHIFT = 500;

    /**
     * The stack that {@code ./pipeline} runs: default ports, state in
     * PIPELINE_HOME or .pipeline/. It is the cluster when PIPELINE_CLUSTER is
     * true or, unless it says false, when the home's data was made by one, so
     * that {@code status}, {@code down} and the rest need no flag.
     */
    public static StackSettings forCommandLine(EnvConfig env, Path repository) {
        Path home = Path.of(env.string("PIPELINE_HOME", repository.resolve(".pipeline").toString()));
        boolean cluster = env.bool(CLUSTER, DataVersion.madeByCluster(home.resolve("data")));
        return from(env, repository, home, 0, cluster ? ClusterTopology.THREE_NODES : ClusterTopology.SINGLE_NODE, true, true);
    }

    /**
     * The stack the tests share: ports shifted by PIPELINE_TEST_PORT_OFFSET
     * (default 10000) so tests never meet a running {@code ./pipeline up}, state
     * in the given folder, only the infrastructure.
     */
    public static StackSettings forTests(EnvConfig env, Path repository, Path home) {
        int offset = env.integer("PIPELINE_TEST_PORT_OFFSET", 10000);
        EnvConfig testEnv = env.with(java.util.Map.of("PIPELINE_PORT_OFFSET", Integer.toString(offset)));
        return from(testEnv, repository, home, offset, ClusterTopology.SINGLE_NODE, false, false);
    }

    /**
     * The cluster test's own three-node stack: ports shifted by
     * PIPELINE_TEST_PORT_OFFSET (default 10000) plus {@link #CLUSTER_TEST_PORT_SHIFT},
     * state in the given folder, only the infrastructure.
     */
    public static StackSettings forClusterTests(EnvConfig env, Path repository, Path home) {
        int offset = env.integer("PIPELINE_TEST_PORT_OFFSET", 10000) + CLUSTER_TEST_PORT_SHIFT;
        EnvConfig testEnv = env.with(java.util.Map.of("PIPELINE_PORT_OFFSET", Integer.toString(offset)));
        return from(testEnv, repository, home, offset, ClusterTopology.THREE_NODES, false, false);
    }

    private static StackSettings from(EnvConfig env, Path repository, Path home, int defaultOffset, ClusterTopology topology,
                                      boolean services, boolean sinks) {
        // Nine servers share the machine in a cluster: smaller heaps keep it under 10 GB resident (README: Scaling out).
        boolean cluster = topology.isCluster();
        return new StackSettings(
                repository.toAbsolutePath().normalize(),
                home.toAbsolutePath().normalize(),
                StackPorts.from(env, defaultOffset),
                topology,
                env.integer("TOPIC_PARTITIONS", 3),
                env.string("PIPELINE_CASSANDRA_HEAP", cluster ? "768m" : "1g"),
                env.string("PIPELINE_KAFKA_HEAP", cluster ? "384m" : "512m"),
                env.string("PIPELINE_CONNECT_HEAP", cluster ? "384m" : "512m"),
                env.seconds("PIPELINE_START_TIMEOUT", Duration.ofSeconds(180)),
                env.seconds("PIPELINE_STOP_GRACE", Duration.ofSeconds(30)),
                services,
                env.list("PIPELINE_SERVICES", java.util.List.of()),
                sinks,
                env.bool(OfflineRace.OFFLINE, false),
                env);
    }

    /**
     * Creates the stack's home readable by its owner only (0700): it holds the
     * Jupyter token, the logs and the data. A home made by an earlier version is
     * narrowed to 0700 as well.
     */
    public Path createHome() {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        try {
            if (Files.isDirectory(home)) {
                Files.setPosixFilePermissions(home, ownerOnly);
            } else {
                Files.createDirectories(home, PosixFilePermissions.asFileAttribute(ownerOnly));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the stack's folder " + home + ": " + e.getMessage(), e);
        }
        return home;
    }

    public Path dataDirectory() {
        return home.resolve("data");
    }

    public Path logDirectory() {
        return home.resolve("logs");
    }

    public Path runDirectory() {
        return home.resolve("run");
    }

    public Path module(String relativePath) {
        return repository.resolve(relativePath);
    }

    /**
     * The repository root: the pipeline.root system property that ./pipeline
     * sets, else the first folder upwards from the working directory that holds
     * mvnw and the cassandra/ schema.
     */
    public static Path findRepository() {
        String configured = System.getProperty("pipeline.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("cassandra/keyspace.cql"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project's root folder (with mvnw and cassandra/keyspace.cql) above "
                + Path.of("").toAbsolutePath());
    }
}
