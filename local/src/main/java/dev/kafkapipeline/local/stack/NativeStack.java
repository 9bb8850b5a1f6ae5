package dev.kafkapipeline.local.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.PipelineSchema;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.local.process.LogTail;
import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.process.ModuleClasspath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The native stack: Cassandra, a KRaft broker, a Connect worker and the
 * project's services, each a child JVM with its own classpath, log file and
 * pid file under the stack's home. Used by {@code ./pipeline} and, through
 * the test-support module's shared test stack, by integration tests.
 */
public final class NativeStack {
    private final StackSettings settings;
    private final Consumer<String> progress;
    private final Map<String, StackService> services;
    private final long startedAt = System.nanoTime();
    private final Map<String, ManagedProcess> processes = new java.util.concurrent.ConcurrentHashMap<>();

    private NativeStack(StackSettings settings, Consumer<String> progress, Map<String, StackService> services) {
        this.settings = settings;
        this.progress = progress;
        this.services = services;
    }

    /**
     * The stack these settings describe. The server modules must be built;
     * project services whose modules are not built are left out.
     */
    public static NativeStack of(StackSettings settings, Consumer<String> progress) {
        Map<String, StackService> services = new LinkedHashMap<>();
        services.put(CassandraNode.NAME, new CassandraNode(settings, built(settings, CassandraNode.MODULE)));
        services.put(KafkaBroker.NAME, new KafkaBroker(settings, built(settings, KafkaBroker.MODULE)));
        services.put(ConnectWorker.NAME, new ConnectWorker(settings, built(settings, ConnectWorker.MODULE)));
        if (settings.startServices()) {
            for (ServiceCatalog.Entry entry : ServiceCatalog.ENTRIES) {
                if (!wanted(settings, entry.name())) {
                    continue;
                }
                ModuleClasspath.of(settings.module(entry.module())).ifPresent(classpath -> services.put(entry.name(),
                        new ProjectService(entry, settings, classpath)));
            }
        }
        if (settings.startServices() && wanted(settings, JupyterNotebook.NAME)) {
            JupyterNotebook.forStack(settings).ifPresent(jupyter -> services.put(JupyterNotebook.NAME, jupyter));
        }
        return new NativeStack(settings, progress, services);
    }

    private static boolean wanted(StackSettings settings, String service) {
        return settings.onlyServices().isEmpty() || settings.onlyServices().contains(service);
    }

    private static ModuleClasspath built(StackSettings settings, String module) {
        return ModuleClasspath.of(settings.module(module)).orElseThrow(() -> new StackStartException(
                "module " + module + " is not built: run ./mvnw -q -DskipTests package (./pipeline up does it when needed)"));
    }

    public StackSettings settings() {
        return settings;
    }

    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    public String address(String service) {
        return service(service).address();
    }

    public ManagedProcess process(String service) {
        service(service);
        return processes.computeIfAbsent(service, name -> new ManagedProcess(name, settings.runDirectory().resolve(name + ".pid"),
                settings.logDirectory().resolve(name + ".log"), service(name).marker(name + "@" + settings.home())));
    }

    private StackService service(String name) {
        StackService service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service named '" + name + "'; services: " + String.join(", ", services.keySet()));
        }
        return service;
    }

    /**
     * Starts everything that is not running yet, in order: Cassandra and Kafka
     * together, then the schema and topics, then Connect (and its sinks), then
     * the project's services. On any failure it stops what it started and
     * throws with the cause, the log path and the log's tail.
     */
    public void up() {
        List<String> startedNow = new ArrayList<>();
        settings.createHome();
        try {
            DataVersion.of(serverVersion(CassandraNode.NAME, "cassandra-all"), serverVersion(KafkaBroker.NAME, "kafka_2.13"))
                    .checkOrStamp(settings.dataDirectory());
            startAndAwait(List.of(CassandraNode.NAME, KafkaBroker.NAME), startedNow);
            applySchema();
            createTopics();
            startAndAwait(List.of(ConnectWorker.NAME), startedNow);
            if (settings.registerSinks()) {
                registerSinks();
            }
            if (settings.startServices() && wanted(settings, JupyterNotebook.NAME) && !services.containsKey(JupyterNotebook.NAME)) {
                step(JupyterNotebook.NAME, JupyterNotebook.whyNotStarted(settings));
            }
            List<String> projectServices = services.keySet().stream().skip(3).toList();
            if (!projectServices.isEmpty()) {
                startAndAwait(projectServices, startedNow);
            }
        } catch (RuntimeException e) {
            stopAll(startedNow);
            throw e;
        }
    }

    /** Stops every service of the stack, the project's services first and Cassandra last. */
    public void down() {
        stopAll(new ArrayList<>(services.keySet()));
    }

    private void stopAll(List<String> names) {
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        for (String name : reversed) {
            stop(name);
        }
    }

    public void start(String name) {
        startAndAwait(List.of(name), new ArrayList<>());
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    public synchronized void stop(String name) {
        ManagedProcess process = process(name);
        Optional<ProcessHandle> running = process.running();
        if (running.isEmpty()) {
            process.forgetStalePidFile();
            return;
        }
        long t0 = System.nanoTime();
        boolean killed = process.stop(settings.stopGrace());
        step(name, (killed ? "killed after " + settings.stopGrace().toSeconds() + " s grace" : "stopped")
                + " in " + seconds(System.nanoTime() - t0));
    }

    /** SIGKILL, as a crash would. */
    public void kill(String name) {
        process(name).kill();
        step(name, "killed (SIGKILL)");
    }

    private void startAndAwait(List<String> names, List<String> startedNow) {
        // Liveness during start-up goes by the handle: right after the spawn the
        // child may not have exec'd java yet, so its marker is not visible.
        Map<String, ProcessHandle> waiting = new LinkedHashMap<>();
        for (String name : names) {
            StackService service = service(name);
            ManagedProcess process = process(name);
            if (process.running().isPresent()) {
                step(name, "already running (pid " + process.running().get().pid() + ")");
                continue;
            }
            if (process.hasStalePidFile()) {
                step(name, "removed a stale pid file (pid " + process.recordedPid().orElse(-1L) + " is not running)");
                process.forgetStalePidFile();
            }
            for (Map.Entry<Integer, String> port : service.ports().entrySet()) {
                // A server that has just stopped may hold its port for a moment longer.
                if (!Poll.until(() -> Ports.isFree(port.getKey()), Duration.ofSeconds(5), Duration.ofMillis(250))) {
                    throw new StackStartException("port " + port.getKey() + " (" + port.getValue()
                            + ") is in use by another program (ss -ltnp 'sport = :" + port.getKey()
                            + "' shows which): stop it, or set that variable to a free port");
                }
            }
            service.prepare();
            ProcessHandle handle = process.start(service.command(process.marker()), service.environment(),
                    service.inheritsEnvironment(), settings.repository());
            if (service instanceof ProjectService project) {
                project.started(handle);
            }
            startedNow.add(name);
            step(name, "started (pid " + handle.pid() + "), log " + process.logFile());
            waiting.put(name, handle);
        }
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (!waiting.isEmpty()) {
            for (String name : List.copyOf(waiting.keySet())) {
                if (!waiting.get(name).isAlive()) {
                    // A producer of a finite source (F1 laps with SLEEP_TIME=0) may be done before it counts as started.
                    if (service(name) instanceof ProjectService && process(name).exitCode().orElse(-1) == 0) {
                        step(name, "finished its work (exit 0)");
                        waiting.remove(name);
                        continue;
                    }
                    throw failure(name, "exited during start");
                }
                if (service(name).isReady()) {
                    step(name, "ready at " + service(name).address());
                    waiting.remove(name);
                }
            }
            if (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw failure(waiting.keySet().iterator().next(), "not ready after " + settings.startTimeout().toSeconds()
                            + " s (PIPELINE_START_TIMEOUT)");
                }
                Poll.pause(Duration.ofMillis(500));
            }
        }
    }

    private StackStartException failure(String name, String what) {
        Path log = process(name).logFile();
        StringBuilder message = new StringBuilder(name + " " + what + "; log: " + log);
        for (String line : LogTail.lastLines(log, 15)) {
            message.append("\n    ").append(line);
        }
        return new StackStartException(message.toString());
    }

    private void applySchema() {
        CassandraSettings cassandra = cassandraSettings();
        try (CqlSession session = CassandraSessions.open(cassandra)) {
            PipelineSchema.forSettings(cassandra).apply(session, cassandra);
        } catch (RuntimeException e) {
            throw new StackStartException("applying the schema failed: " + e.getMessage() + "; log: " + process(CassandraNode.NAME).logFile(), e);
        }
        step("schema", "keyspace " + cassandra.keyspace() + " with " + cassandra.weatherTable() + ", "
                + cassandra.fakerTable() + ", " + cassandra.fastf1Table());
    }

    /** Creates the pipeline's topics and their dead-letter twins where missing. */
    public void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, settings.topicPartitions(), (short) 1));
            topics.add(new NewTopic(Topics.deadLetterTopic(topic), settings.topicPartitions(), (short) 1));
        }
        try (Admin admin = KafkaBroker.admin(settings, Duration.ofSeconds(30))) {
            var results = admin.createTopics(topics).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackStartException("creating topic " + entry.getKey() + " failed: " + e.getCause().getMessage());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while creating topics");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StackStartException("creating topics timed out; log: " + process(KafkaBroker.NAME).logFile());
        }
        step("topics", topics.stream().map(NewTopic::name).toList() + ", " + settings.topicPartitions() + " partitions each");
    }

    /** Registers every sink config of kafka/connect/sinks with Connect; idempotent. */
    public List<String> registerSinks() {
        if (!SinkRegistration.pluginBuilt(settings.repository())) {
            step("sinks", "not registered: the sink plugin is not built yet (" + ConnectWorker.PLUGIN_FOLDER
                    + " holds no jar; ./mvnw -q -DskipTests package builds it)");
            return List.of();
        }
        List<String> names = SinkRegistration.registerAll(settings.repository(), connectUrl(), Duration.ofSeconds(60));
        step("sinks", names.isEmpty() ? "none to register (no " + SinkRegistration.SINKS_FOLDER + "/*.json)" : "registered " + names);
        return names;
    }

    private String serverVersion(String service, String artifactId) {
        StackService server = service(service);
        ModuleClasspath classpath = server instanceof CassandraNode ? built(settings, CassandraNode.MODULE) : built(settings, KafkaBroker.MODULE);
        return classpath.versionOf(artifactId).orElse("unknown");
    }

    /** An admin client of the stack's broker; the caller closes it. */
    public Admin kafkaAdmin() {
        return KafkaBroker.admin(settings, Duration.ofSeconds(30));
    }

    public String kafkaBootstrap() {
        return KafkaBroker.bootstrapServers(settings);
    }

    public String connectUrl() {
        return ConnectWorker.restUrl(settings);
    }

    /** Driver settings for the stack's Cassandra; keyspace and tables as configured. */
    public CassandraSettings cassandraSettings() {
        return CassandraNode.clientSettings(settings, Duration.ofSeconds(10));
    }

    /** What a service needs in its environment to reach this stack. */
    public EnvConfig serviceEnvironment() {
        return settings.env().with(clientEnvironment());
    }

    /** The variables that point a client at this stack: KAFKA_BROKER_URL, CASSANDRA_HOST, CASSANDRA_PORT, CASSANDRA_KEYSPACE. */
    public Map<String, String> clientEnvironment() {
        return StackClients.environment(settings);
    }

    public Path logFile(String service) {
        return process(service).logFile();
    }

    private void step(String what, String detail) {
        progress.accept(String.format("[%7s] %-10s %s", seconds(System.nanoTime() - startedAt), what, detail));
    }

    private static String seconds(long nanos) {
        return String.format("%.1fs", nanos / 1e9);
    }
}
