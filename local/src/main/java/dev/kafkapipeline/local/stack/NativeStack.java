package dev.kafkapipeline.local.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.PipelineSchema;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.stack.StartSequence.StartStep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * The native stack: Cassandra, a KRaft broker, a Connect worker and the
 * project's services, each a child JVM with its own classpath, log file and
 * pid file under the stack's home; or, as a cluster ({@link ClusterTopology}),
 * three of each server but two Connect workers, and two consumers in one group.
 * Used by {@code ./pipeline} and, through the test-support module's shared
 * test stack, by integration tests.
 */
public final class NativeStack {
    private final StackSettings settings;
    private final StackProgress progress;
    private final StackServices services;
    private final ServiceLauncher launcher;

    private NativeStack(StackSettings settings, StackProgress progress, StackServices services) {
        this.settings = settings;
        this.progress = progress;
        this.services = services;
        this.launcher = new ServiceLauncher(settings, services, progress);
    }

    /**
     * The stack these settings describe. The server modules must be built;
     * project services whose modules are not built are left out.
     */
    public static NativeStack of(StackSettings settings, Consumer<String> progress) {
        return new NativeStack(settings, new StackProgress(progress), StackServices.of(settings));
    }

    public StackSettings settings() {
        return settings;
    }

    /** The services of this stack's selection, in start order. */
    public List<String> serviceNames() {
        return services.names();
    }

    /** Every service a stack may run, selected or not, in start order: what {@link #down} stops. */
    public List<String> everyServiceName() {
        return StackServices.everyName();
    }

    /** The services of this stack's home that run now, selected or not. */
    public List<String> runningServices() {
        return StackServices.everyName().stream().filter(name -> services.process(name).running().isPresent()).toList();
    }

    /** True when every port of the service accepts connections: it serves, or is about to. */
    public boolean answers(String service) {
        return services.get(service).ports().keySet().stream().allMatch(Ports::accepts);
    }

    /** The processes of a kind ({@code cassandra}, {@code kafka}, {@code connect}, {@code consumers} ...): the kind's own name, or a cluster's members. */
    public List<String> membersOf(String kind) {
        return StackServices.memberNames(kind, settings.topology());
    }

    /** Cassandra's nodes, in the order they join the ring: one, or a cluster's. */
    public List<ServerMember> cassandraNodes() {
        return CassandraNode.members(settings.topology());
    }

    /** The brokers; a member's number is its Kafka node id. */
    public List<ServerMember> brokers() {
        return KafkaBroker.members(settings.topology());
    }

    public List<ServerMember> connectWorkers() {
        return ConnectWorker.members(settings.topology());
    }

    /** The servers of every kind, Cassandra's first: what must run for the pipeline to work. */
    public List<String> serverNames() {
        List<String> names = new ArrayList<>();
        for (List<ServerMember> kind : List.of(cassandraNodes(), brokers(), connectWorkers())) {
            kind.forEach(member -> names.add(member.name()));
        }
        return List.copyOf(names);
    }

    /** A worker's REST API. */
    public String connectUrl(ServerMember worker) {
        return ConnectWorker.restUrl(settings, worker);
    }

    /** Where the service answers, or what it does; a service this stack did not select is described from the catalog. */
    public String address(String service) {
        return services.has(service) ? services.get(service).address() : ServiceCatalog.description(service);
    }

    /** The process of any service this stack may run ({@link #everyServiceName}). */
    public ManagedProcess process(String service) {
        return services.process(service);
    }

    /**
     * Starts everything that is not running yet, as named steps: the data
     * folder's version, Cassandra and Kafka together, the schema, the topics,
     * Connect, its sinks, then the project's services (Jupyter among them). On
     * any failure it stops what it started and throws with the cause, the log
     * path and the log's tail.
     */
    public void up() {
        List<String> startedNow = new ArrayList<>();
        settings.createHome();
        StartSequence.run(steps(startedNow), () -> launcher.stopAll(startedNow));
    }

    private List<StartStep> steps(List<String> startedNow) {
        List<StartStep> steps = new ArrayList<>();
        if (settings.offline()) {
            steps.add(new StartStep("offline", () -> progress.step("offline", OfflineRace.announcement(settings))));
        }
        steps.add(new StartStep("data version", this::checkDataVersion));
        List<String> nodes = cassandraNodes().stream().map(ServerMember::name).toList();
        List<String> servers = new ArrayList<>(nodes.subList(0, 1));
        brokers().forEach(broker -> servers.add(broker.name()));
        steps.add(new StartStep("servers", () -> launcher.startAndAwait(servers, startedNow)));
        if (nodes.size() > 1) {
            // Cassandra lets one node join a ring at a time: each waits until the one before has joined.
            steps.add(new StartStep("ring", () -> nodes.subList(1, nodes.size()).forEach(node -> launcher.startAndAwait(List.of(node), startedNow))));
        }
        steps.add(new StartStep("schema", this::applySchema));
        steps.add(new StartStep("topics", this::createTopics));
        List<String> workers = connectWorkers().stream().map(ServerMember::name).toList();
        steps.add(new StartStep("connect", () -> launcher.startAndAwait(workers, startedNow)));
        if (settings.registerSinks()) {
            steps.add(new StartStep("sinks", this::registerSinks));
        }
        if (StackServices.wantsJupyter(settings) && !services.has(JupyterNotebook.NAME)) {
            steps.add(new StartStep("jupyter", () -> progress.step(JupyterNotebook.NAME, JupyterNotebook.whyNotStarted(settings))));
        }
        List<String> projectServices = services.projectServices();
        if (!projectServices.isEmpty()) {
            steps.add(new StartStep("services", () -> launcher.startAndAwait(projectServices, startedNow)));
        }
        return steps;
    }

    /**
     * Stops every service of this stack's home that runs, the project's services
     * first and Cassandra last: also those this stack's selection leaves out
     * (started by an earlier {@code up} with other settings), so none is orphaned.
     */
    public void down() {
        launcher.stopAll(StackServices.everyName());
    }

    public void start(String name) {
        launcher.startAndAwait(List.of(name), new ArrayList<>());
    }

    /** SIGTERM, then SIGKILL after the grace period. */
    public void stop(String name) {
        launcher.stop(name);
    }

    /**
     * Restarts the Connect worker when the sink plugin was rebuilt since it
     * started (a stack shared by a whole build outlives the plugin's build);
     * true when it did.
     */
    public boolean restartConnectOnNewPlugin() {
        List<ConnectWorker> outdated = services.connectWorkers().stream().filter(ConnectWorker::pluginOutdated).toList();
        for (ConnectWorker worker : outdated) {
            stop(worker.name());
            start(worker.name());
        }
        return !outdated.isEmpty();
    }

    /** SIGKILL, as a crash would. */
    public void kill(String name) {
        launcher.kill(name);
    }

    private void checkDataVersion() {
        DataVersion.of(serverVersion(CassandraNode.MODULE, "cassandra-all"), serverVersion(KafkaBroker.MODULE, "kafka_2.13"), settings.topology())
                .checkOrStamp(settings.dataDirectory());
    }

    private String serverVersion(String module, String artifactId) {
        return StackServices.built(settings, module).versionOf(artifactId).orElse("unknown");
    }

    private void applySchema() {
        CassandraSettings cassandra = cassandraSettings();
        try (CqlSession session = CassandraSessions.open(cassandra)) {
            PipelineSchema.forSettings(cassandra).apply(session, cassandra);
        } catch (RuntimeException e) {
            throw new StackStartException("applying the schema failed: " + e.getMessage() + "; log: " + logFile(cassandraNodes().get(0).name()), e);
        }
        progress.step("schema", "keyspace " + cassandra.keyspace() + " with " + cassandra.weatherTable() + ", "
                + cassandra.fakerTable() + ", " + cassandra.fastf1Table());
    }

    /** Creates the pipeline's topics and their dead-letter twins where missing. */
    public void createTopics() {
        List<String> topics = PipelineTopics.create(settings);
        progress.step("topics", topics + ", " + settings.topicPartitions() + " partitions each");
    }

    /** Registers every sink config of kafka/connect/sinks with Connect; idempotent. */
    public List<String> registerSinks() {
        if (!SinkRegistration.pluginBuilt(settings.repository())) {
            progress.step("sinks", "not registered: the sink plugin is not built yet (" + ConnectWorker.PLUGIN_FOLDER
                    + " holds no jar; ./mvnw -q -DskipTests package builds it)");
            return List.of();
        }
        List<String> names = SinkRegistration.registerAll(settings.repository(), connectUrl(), Duration.ofSeconds(60));
        progress.step("sinks", names.isEmpty() ? "none to register (no " + SinkRegistration.SINKS_FOLDER + "/*.json)" : "registered " + names);
        return names;
    }

    /** An admin client of the stack's broker; the caller closes it. */
    public Admin kafkaAdmin() {
        return KafkaBroker.admin(settings, Duration.ofSeconds(30));
    }

    public String kafkaBootstrap() {
        return KafkaBroker.bootstrapServers(settings);
    }

    /** The REST API of the first worker that answers (any worker serves the whole group's API), else the first's. */
    public String connectUrl() {
        return connectWorkers().stream()
                .filter(worker -> Ports.accepts(new Endpoint(worker.host(), settings.ports().connect())))
                .findFirst().map(this::connectUrl)
                .orElse(connectUrl(connectWorkers().get(0)));
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
        return services.process(service).logFile();
    }
}
