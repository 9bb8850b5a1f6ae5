package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.local.process.ModuleClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;

/**
 * A Kafka Connect distributed worker with its REST API on loopback and the
 * project's sink plugin folder on its plugin path. Connector configs may use
 * {@code ${env:CASSANDRA_HOST}} and friends: the worker gets those variables.
 *
 * <p>Anyone who reaches the REST API can submit connector configs, and the
 * worker resolves {@code ${env:NAME}} in them. So the worker is started with
 * {@link #SINK_VARIABLES} and the JVM's own variables alone, never the user's
 * environment; its env provider resolves SINK_VARIABLES only; and a connector
 * may not override the worker's client settings (which could bring their own
 * config providers).
 */
public final class ConnectWorker extends ServerNode {
    public static final String NAME = "connect";
    static final String MODULE = "kafka/node/connect";
    /** Where the sink module's build puts its self-contained plugin. */
    static final String PLUGIN_FOLDER = "kafka/connect/target/plugin";
    /** What the sink configs (kafka/connect/sinks/*.json) read through ${env:...}. */
    public static final List<String> SINK_VARIABLES = List.of("CASSANDRA_HOST", "CASSANDRA_PORT", "CASSANDRA_KEYSPACE",
            "WEATHER_TABLE", "FAKER_TABLE", "FASTF1_TABLE", "CASSANDRA_DATACENTER", "CASSANDRA_USERNAME", "CASSANDRA_PASSWORD", "CASSANDRA_SSL", "CASSANDRA_SSL_TRUSTSTORE_PATH",
            "CASSANDRA_SSL_TRUSTSTORE_PASSWORD", "CASSANDRA_SSL_HOSTNAME_VALIDATION");
    /** What the JVM itself reads from its environment, passed on when set. */
    public static final List<String> JVM_VARIABLES = List.of("PATH", "JAVA_HOME", "LANG", "LC_ALL", "TZ");
    /** The only variables a connector config can read; Kafka 4.4 matches whole names, the anchors keep any version from matching part of one. */
    static final String ENV_ALLOWLIST = "^(" + String.join("|", SINK_VARIABLES) + ")$";
    /** How long a cluster's worker that died keeps its tasks, and any killed worker's tasks' consumers their partitions, before another task takes them over. */
    static final Duration TASK_TAKEOVER_DELAY = Duration.ofSeconds(10);

    ConnectWorker(ServerMember member, StackSettings settings, ModuleClasspath classpath) {
        super(member, settings, classpath);
    }

    /** The workers of the stack: one, or a cluster's workers in one group, sharing the sinks' tasks. */
    static List<ServerMember> members(ClusterTopology topology) {
        return ServerMember.of(NAME, topology.connectWorkers());
    }

    @Override
    public String address() {
        return restUrl(settings, member);
    }

    static String restUrl(StackSettings settings, ServerMember worker) {
        return "http://" + worker.address(settings.ports().connect());
    }

    @Override
    public Map<Endpoint, String> ports() {
        return Map.of(new Endpoint(member.host(), settings.ports().connect()), "Kafka Connect REST (PIPELINE_CONNECT_PORT)");
    }

    private Path propertiesFile() {
        return home().resolve("worker.properties");
    }

    /**
     * The worker loads the plugin from a copy in its own folder, made at each
     * start: a build rewrites the plugin jar in place, and a worker reading a jar
     * that changed under it fails every request ("invalid LOC header").
     */
    private Path pluginCopy() {
        return home().resolve("plugins");
    }

    /** True when the build's plugin differs from the copy the worker was started with (a restart picks it up). */
    boolean pluginOutdated() {
        return !jars(settings.module(PLUGIN_FOLDER)).equals(jars(pluginCopy()));
    }

    /** The jars of a folder by name, with size and modification time: a copy keeps both. */
    private static Map<String, String> jars(Path folder) {
        Map<String, String> jars = new java.util.TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return jars;
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                jars.put(jar.getFileName().toString(), Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return jars;
    }

    private void copyPlugin() {
        Path built = settings.module(PLUGIN_FOLDER);
        Path copy = pluginCopy();
        try {
            HomeFolder.delete(copy);
            Files.createDirectories(copy);
            for (String jar : jars(built).keySet()) {
                Files.copy(built.resolve(jar), copy.resolve(jar), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sink plugin to " + copy + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void prepare() {
        Path plugins = pluginCopy();
        copyPlugin();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", KafkaBroker.bootstrapServers(settings));
        p.put("group.id", "pipeline-connect");
        p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter.schemas.enable", "false");
        p.put("config.storage.topic", "connect-configs");
        p.put("offset.storage.topic", "connect-offsets");
        p.put("status.storage.topic", "connect-status");
        p.putAll(settings.topology().connectStorageSettings());
        p.put("offset.storage.partitions", "1");
        p.put("status.storage.partitions", "1");
        p.put("offset.flush.interval.ms", "5000");
        if (settings.topology().isCluster()) {
            // A worker that dies keeps its tasks for this long in case it comes back (Connect's default: 5 minutes);
            // then the other worker takes them over.
            p.put("scheduled.rebalance.max.delay.ms", Long.toString(TASK_TAKEOVER_DELAY.toMillis()));
        }
        // A killed worker's task holds its partitions until its consumer's session times out (Kafka's default: 45 s),
        // also against its own successor on a single node; connectors may not override it (the policy below).
        p.put("consumer.session.timeout.ms", Long.toString(TASK_TAKEOVER_DELAY.toMillis()));
        p.put("consumer.heartbeat.interval.ms", Long.toString(TASK_TAKEOVER_DELAY.toMillis() / 3));
        p.put("listeners", address());
        p.put("rest.advertised.host.name", member.host());
        p.put("rest.advertised.port", Integer.toString(settings.ports().connect()));
        p.put("plugin.path", plugins.toString());
        p.put("plugin.discovery", "service_load");
        // The dead-letter producer of every sink task: a dead letter is a whole record plus headers.
        p.put("producer.max.request.size", Integer.toString(Topics.DEAD_LETTER_MAX_BYTES));
        p.put("config.providers", "env");
        p.put("config.providers.env.class", EnvVarConfigProvider.class.getName());
        p.put("config.providers.env.param." + EnvVarConfigProvider.ALLOWLIST_PATTERN_CONFIG, ENV_ALLOWLIST);
        p.put("connector.client.config.override.policy", "None");
        PropertiesFile.write(propertiesFile(), p);
    }

    @Override
    public List<String> command(String marker) {
        return JvmCommand.of(marker, settings.connectHeap(),
                List.of("-XX:+UseG1GC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + loggingConfig("log4j2.properties")),
                classpath, "org.apache.kafka.connect.cli.ConnectDistributed",
                List.of(propertiesFile().toString()));
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : JVM_VARIABLES) {
            String value = settings.env().raw(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        // The stack's own address wins; credentials and TLS settings come from the user's environment where set.
        Map<String, String> clients = StackClients.environment(settings);
        for (String name : SINK_VARIABLES) {
            String value = clients.containsKey(name) ? clients.get(name) : settings.env().raw(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    @Override
    public boolean inheritsEnvironment() {
        return false;
    }

    @Override
    public boolean isReady() {
        if (!Ports.accepts(new Endpoint(member.host(), settings.ports().connect()))) {
            return false;
        }
        return LoopbackHttp.answersOk(address() + "/connectors", Duration.ofSeconds(3));
    }
}
