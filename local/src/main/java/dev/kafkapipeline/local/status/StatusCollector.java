package dev.kafkapipeline.local.status;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.local.process.LogTail;
import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.stack.Endpoint;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.Ports;
import dev.kafkapipeline.local.stack.ServerMember;
import dev.kafkapipeline.local.stack.ServiceOutcome;
import dev.kafkapipeline.local.stack.StackPorts;
import dev.kafkapipeline.local.status.StackStatus.ClusterStatus;
import dev.kafkapipeline.local.status.StackStatus.KafkaCluster;
import dev.kafkapipeline.local.status.StackStatus.NodeState;
import dev.kafkapipeline.local.status.StackStatus.WorkerState;
import dev.kafkapipeline.local.status.StackStatus.ConnectorStatus;
import dev.kafkapipeline.local.status.StackStatus.KafkaStatus;
import dev.kafkapipeline.local.status.StackStatus.ServiceStatus;
import dev.kafkapipeline.local.status.StackStatus.State;
import dev.kafkapipeline.local.status.StackStatus.TableRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * Collects a {@link StackStatus}: the services from their pid and outcome
 * files, then Kafka ({@link KafkaProbe}), Connect ({@link ConnectorProbe}) and
 * Cassandra ({@link TableCount}) side by side, each bounded by the timeout;
 * for a cluster also its brokers ({@link BrokerProbe}), its ring
 * ({@link RingProbe}) and its Connect workers. A server of a cluster answers
 * for its kind while any member listens. It
 * prints nothing and never exits, so a long-running process (a status page)
 * can call it again and again; a server that is down makes its part
 * {@link Part.Down}, never an exception.
 */
public final class StatusCollector {
    /** Tables are counted up to this many rows; beyond, a full count would take minutes. */
    public static final int COUNT_CAP = 10_000;

    private final NativeStack stack;
    private final Duration timeout;

    public StatusCollector(NativeStack stack, Duration timeout) {
        this.stack = stack;
        this.timeout = timeout;
    }

    public StackStatus collect() {
        // Logging set up by three clients' threads at once makes SLF4J replay their first lines as a warning; set it up here.
        LoggerFactory.getILoggerFactory();
        ExecutorService probes = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "status-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            StackPorts ports = stack.settings().ports();
            List<Endpoint> brokers = endpoints(stack.brokers(), ports.kafka());
            List<Endpoint> workers = endpoints(stack.connectWorkers(), ports.connect());
            List<Endpoint> nodes = endpoints(stack.cassandraNodes(), ports.cassandraCql());
            String kafkaAt = "Kafka at " + stack.kafkaBootstrap();
            String connectUrl = stack.connectUrl();
            String connectAt = "Kafka Connect at " + connectUrl;
            String cassandraAt = "Cassandra at " + stack.cassandraSettings().address();
            boolean cluster = stack.settings().topology().isCluster();
            CompletableFuture<Part<KafkaStatus>> kafka = CompletableFuture.supplyAsync(() -> probe(brokers, kafkaAt,
                    () -> new Part.Answered<>(KafkaProbe.read(stack.kafkaBootstrap(), timeout))), probes);
            CompletableFuture<Part<List<ConnectorStatus>>> connectors = CompletableFuture.supplyAsync(() -> probe(workers,
                    connectAt, () -> ConnectorProbe.read(connectUrl, timeout)), probes);
            CompletableFuture<Part<CassandraView>> cassandra = CompletableFuture.supplyAsync(() -> probe(nodes,
                    cassandraAt, () -> new Part.Answered<>(cassandra(cluster))), probes);
            Optional<CompletableFuture<Part<KafkaCluster>>> kafkaCluster = Optional.of(cluster).filter(yes -> yes)
                    .map(yes -> CompletableFuture.supplyAsync(() -> probe(brokers, kafkaAt, () -> new Part.Answered<>(
                            BrokerProbe.read(stack.kafkaBootstrap(), stack.brokers(), ports.kafka(), timeout))), probes));
            List<ServiceStatus> services = services();
            Part<CassandraView> view = await(cassandra, cassandraAt);
            Optional<ClusterStatus> clusterStatus = kafkaCluster
                    .map(brokerView -> new ClusterStatus(await(brokerView, kafkaAt), view(view, CassandraView::ring), workers()));
            return new StackStatus(services, await(kafka, kafkaAt), await(connectors, connectAt), view(view, CassandraView::tables),
                    clusterStatus);
        } finally {
            probes.shutdownNow();
        }
    }

    /** What one session reads of Cassandra: the tables' rows, and for a cluster how the ring's nodes stand. */
    private record CassandraView(List<TableRows> tables, List<NodeState> ring) {}

    private static <T> Part<T> view(Part<CassandraView> view, Function<CassandraView, T> part) {
        if (view instanceof Part.Answered<CassandraView> answered) {
            return new Part.Answered<>(part.apply(answered.value()));
        }
        return new Part.Down<>(((Part.Down<CassandraView>) view).why());
    }

    private static List<Endpoint> endpoints(List<ServerMember> members, int port) {
        return members.stream().map(member -> new Endpoint(member.host(), port)).toList();
    }

    /** Each of a cluster's Connect workers, and whether its REST API answers (any one serves the whole group's API). */
    private List<WorkerState> workers() {
        List<WorkerState> workers = new ArrayList<>();
        for (ServerMember worker : stack.connectWorkers()) {
            String id = worker.address(stack.settings().ports().connect());
            workers.add(new WorkerState(worker.name(), id, Ports.accepts(new Endpoint(worker.host(), stack.settings().ports().connect()))
                    && ConnectorProbe.answers(stack.connectUrl(worker), timeout)));
        }
        return List.copyOf(workers);
    }

    /**
     * The selected services, and any other of the stack's home that runs or
     * left a trace of its last run (an outcome, a pid file): a service whose
     * module is no longer built still shows how its run ended.
     */
    public List<ServiceStatus> services() {
        List<ServiceStatus> services = new ArrayList<>();
        for (String name : stack.everyServiceName()) {
            boolean selected = stack.serviceNames().contains(name);
            ManagedProcess process = stack.process(name);
            Optional<ProcessHandle> running = process.running();
            Optional<ServiceOutcome> outcome = ServiceOutcome.read(ServiceOutcome.fileOf(stack.settings(), name));
            if (!selected && running.isEmpty() && outcome.isEmpty() && !process.hasStalePidFile()) {
                continue;
            }
            String address = stack.address(name);
            if (running.isPresent()) {
                services.add(new ServiceStatus(name, State.RUNNING, OptionalLong.of(running.get().pid()), address, Optional.empty(), ""));
                continue;
            }
            State state = outcome.map(o -> o.done() ? State.DONE : State.FAILED)
                    .orElse(process.hasStalePidFile() ? State.EXITED : State.STOPPED);
            String lastLine = state == State.FAILED || state == State.EXITED
                    ? LogTail.lastLines(process.logFile(), 1).stream().findFirst().orElse("") : "";
            services.add(new ServiceStatus(name, state, OptionalLong.empty(), address, outcome, lastLine));
        }
        return services;
    }

    private CassandraView cassandra(boolean cluster) {
        CassandraSettings settings = stack.cassandraSettings().withRequestTimeout(timeout);
        try (CqlSession session = CassandraSessions.openForStatements(settings)) {
            List<TableRows> tables = tables(session, settings);
            List<NodeState> ring = cluster ? RingProbe.read(session, stack.cassandraNodes(), stack.settings().ports().cassandraCql()) : List.of();
            return new CassandraView(tables, ring);
        }
    }

    /** The pipeline's three tables, each counted as status counts it: exactly up to {@link #COUNT_CAP} rows, then estimated. */
    public static List<TableRows> tables(CqlSession session, CassandraSettings settings) {
        List<TableRows> tables = new ArrayList<>();
        for (String table : List.of(settings.weatherTable(), settings.fakerTable(), settings.fastf1Table())) {
            tables.add(new TableRows(settings.keyspace() + "." + table, TableCount.of(session, settings.keyspace(), table, COUNT_CAP)));
        }
        return List.copyOf(tables);
    }

    /** What a probe of a server reads. */
    @FunctionalInterface
    private interface Probe<T> {
        Part<T> read() throws Exception;
    }

    /**
     * A server whose ports all refuse connections is down: no client needs to
     * wait for its timeout to say so. One member of a cluster is enough.
     */
    private static <T> Part<T> probe(List<Endpoint> endpoints, String what, Probe<T> probe) {
        if (endpoints.stream().noneMatch(Ports::accepts)) {
            String where = endpoints.size() == 1 ? "port " + endpoints.get(0).port() : String.join(", ", endpoints.stream().map(Endpoint::toString).toList());
            return new Part.Down<>(what + " is not running (nothing listens on " + where + ")");
        }
        try {
            return probe.read();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Part.Down<>(what + ": interrupted");
        } catch (Exception e) {
            return down(what, e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private <T> Part<T> await(CompletableFuture<Part<T>> probe, String what) {
        try {
            // The probes bound their own calls by the timeout; the margin covers a client's own start.
            return probe.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            probe.cancel(true);
            return new Part.Down<>(what + " did not answer within " + timeout.toSeconds() * 2 + " s");
        } catch (ExecutionException e) {
            return down(what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Part.Down<>(what + ": interrupted");
        }
    }

    private static <T> Part<T> down(String what, Throwable e) {
        return new Part.Down<>(notAnswering(what, e));
    }

    /** "Kafka at ... is not answering (reason)": the first line of the failure's message, or its class where it has none. */
    public static String notAnswering(String what, Throwable e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return what + " is not answering (" + reason + ")";
    }
}
