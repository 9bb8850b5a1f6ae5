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
 * @param startServices  start the project's services (producers, consumers, Jupyter) after the infrastructure
 * @param onlyServices   when not empty, only these of the project's services (PIPELINE_SERVICES; "none" for none)
 * @param registerSinks  register kafka/connect/sinks/*.json with Connect once it is up
 * @param offline        run without the internet (PIPELINE_OFFLINE; {@code up --offline}): see {@link OfflineRace}
 */
public record StackSettings(
        Path repository,
        Path home,
        StackPorts ports,
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

    /** The stack that {@code ./pipeline} runs: default ports, state in PIPELINE_HOME or .pipeline/. */
    public static StackSettings forCommandLine(EnvConfig env, Path repository) {
        return from(env, repository, Path.of(env.string("PIPELINE_HOME", repository.resolve(".pipeline").toString())), 0, true, true);
    }

    /**
     * The stack the tests share: ports shifted by PIPELINE_TEST_PORT_OFFSET
     * (default 10000) so tests never meet a running {@code ./pipeline up}, state
     * in the given folder, only the infrastructure.
     */
    public static StackSettings forTests(EnvConfig env, Path repository, Path home) {
        int offset = env.integer("PIPELINE_TEST_PORT_OFFSET", 10000);
        EnvConfig testEnv = env.with(java.util.Map.of("PIPELINE_PORT_OFFSET", Integer.toString(offset)));
        return from(testEnv, repository, home, offset, false, false);
    }

    private static StackSettings from(EnvConfig env, Path repository, Path home, int defaultOffset, boolean services, boolean sinks) {
        return new StackSettings(
                repository.toAbsolutePath().normalize(),
                home.toAbsolutePath().normalize(),
                StackPorts.from(env, defaultOffset),
                env.integer("TOPIC_PARTITIONS", 3),
                env.string("PIPELINE_CASSANDRA_HEAP", "1g"),
                env.string("PIPELINE_KAFKA_HEAP", "512m"),
                env.string("PIPELINE_CONNECT_HEAP", "512m"),
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
