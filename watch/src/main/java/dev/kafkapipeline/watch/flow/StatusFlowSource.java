package dev.kafkapipeline.watch.flow;

import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.local.status.ConnectorProbe;
import dev.kafkapipeline.local.status.KafkaProbe;
import dev.kafkapipeline.local.status.StackStatus;
import dev.kafkapipeline.local.status.StackStatus.GroupLag;
import dev.kafkapipeline.local.status.StackStatus.RowCount;
import dev.kafkapipeline.local.status.StatusCollector;
import dev.kafkapipeline.local.status.TableCount;
import dev.kafkapipeline.watch.CassandraLink;
import dev.kafkapipeline.watch.WatchSettings;
import dev.kafkapipeline.watch.flow.FlowSnapshot.ConnectorState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.GroupState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.KafkaState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.ServiceState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.TableRows;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The flow as {@code ./pipeline status} reads it, through status's own probes
 * (local's {@link StatusCollector} for the processes, {@link KafkaProbe},
 * {@link ConnectorProbe}, {@link TableCount}): the stack's pid and outcome
 * files, Kafka's end offsets, group states and offsets, Connect's
 * {@code /connectors?expand=status}, and each table's rows. Unlike status, it
 * keeps its clients open between snapshots, since it asks every second.
 */
public final class StatusFlowSource implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** How long a snapshot waits for its parts; a slower part shows its previous answer. */
    private static final Duration WAIT = Duration.ofMillis(900);
    private static final Duration STALE = Duration.ofSeconds(5);

    private final WatchSettings settings;
    private final CassandraLink cassandra;
    private final ExecutorService readers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "flow-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final Admin admin;
    /** The native stack's own status collector; empty elsewhere (Docker), where ./pipeline does not know the processes. */
    private final Optional<StatusCollector> processes;
    private final PartReader<List<ServiceState>> services;
    private final PartReader<KafkaState> kafka;
    private final PartReader<List<ConnectorState>> connectors;
    private final PartReader<List<TableRows>> tables;

    public StatusFlowSource(WatchSettings settings, CassandraLink cassandra) {
        this.settings = settings;
        this.cassandra = cassandra;
        Properties props = KafkaSettings.admin(settings.clients(), "watch");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(props);
        this.processes = settings.stack().map(stack -> new StatusCollector(stack, TIMEOUT));
        String kafkaAddress = "Kafka at " + KafkaSettings.bootstrapServers(settings.clients());
        this.services = new PartReader<>("the stack's processes", this::readServices, STALE);
        this.kafka = new PartReader<>(kafkaAddress, () -> readKafka(kafkaAddress), STALE);
        this.connectors = new PartReader<>("Kafka Connect at " + settings.connectUrl(), this::readConnectors, STALE);
        this.tables = new PartReader<>("Cassandra at " + settings.cassandra().address(), this::readTables, STALE);
    }

    /** The flow now; returns within about a second whatever is down, each part that could not be read marked as such. */
    public FlowSnapshot snapshot() {
        CompletableFuture<?> all = CompletableFuture.allOf(services.refresh(readers), kafka.refresh(readers),
                connectors.refresh(readers), tables.refresh(readers));
        try {
            all.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException slowOrFailed) {
            // Each part says for itself what became of it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new FlowSnapshot(Instant.now(), services.latest(), kafka.latest(), connectors.latest(), tables.latest());
    }

    /** The native stack's services as status lists them; a service that ended says how, from its outcome or its log. */
    private Part<List<ServiceState>> readServices() {
        if (processes.isEmpty()) {
            return Part.down("process states are known to ./pipeline only (in Docker: docker compose ps)");
        }
        return Part.of(processes.orElseThrow().services().stream().map(StatusFlowSource::state).toList());
    }

    /** A service's state in the page's words: a service that exited without saying how it ended counts as failed. */
    static ServiceState state(StackStatus.ServiceStatus service) {
        String detail = service.outcome().map(outcome -> outcome.detail()).filter(text -> !text.isBlank())
                .orElse(service.lastLogLine().isBlank() ? service.address() : service.lastLogLine());
        String state = switch (service.state()) {
            case EXITED -> "failed";
            default -> service.state().name().toLowerCase(Locale.ROOT);
        };
        return new ServiceState(service.name(), state, detail);
    }

    private Part<KafkaState> readKafka(String address) {
        try {
            StackStatus.KafkaStatus status = KafkaProbe.read(admin, TIMEOUT);
            Map<String, Long> endByTopic = new TreeMap<>();
            status.topics().forEach(topic -> endByTopic.put(topic.topic(), topic.endOffsets()));
            Map<String, Map<String, Long>> committed = new TreeMap<>();
            Map<String, Map<String, Long>> lag = new TreeMap<>();
            for (GroupLag group : status.lags()) {
                committed.computeIfAbsent(group.group(), g -> new TreeMap<>()).put(group.topic(), group.committed());
                lag.computeIfAbsent(group.group(), g -> new TreeMap<>()).put(group.topic(), group.lag());
            }
            List<GroupState> groups = status.groupStates().entrySet().stream()
                    .map(group -> new GroupState(group.getKey(), group.getValue(), committed.getOrDefault(group.getKey(), Map.of()),
                            lag.getOrDefault(group.getKey(), Map.of())))
                    .sorted(Comparator.comparing(GroupState::group)).toList();
            return Part.of(new KafkaState(endByTopic, groups));
        } catch (Exception e) {
            return Part.down(notAnswering(address, e));
        }
    }

    private Part<List<ConnectorState>> readConnectors() {
        try {
            var status = ConnectorProbe.read(settings.connectUrl(), TIMEOUT);
            if (status instanceof dev.kafkapipeline.local.status.Part.Down<?> down) {
                return Part.down(down.why());
            }
            var answered = (dev.kafkapipeline.local.status.Part.Answered<List<StackStatus.ConnectorStatus>>) status;
            return Part.of(answered.value().stream()
                    .map(c -> new ConnectorState(c.name(), c.state(), c.tasks().stream().map(StackStatus.TaskState::state).toList()))
                    .sorted(Comparator.comparing(ConnectorState::name)).toList());
        } catch (Exception e) {
            return Part.down(notAnswering("Kafka Connect at " + settings.connectUrl(), e));
        }
    }

    /** Each table counted as status counts it: exactly up to {@link StatusCollector#COUNT_CAP} rows, estimated beyond. */
    private Part<List<TableRows>> readTables() {
        CassandraSettings cassandraSettings = cassandra.settings();
        try {
            return Part.of(StatusCollector.tables(cassandra.session(), cassandraSettings).stream()
                    .map(table -> rows(table.table(), table.rows())).toList());
        } catch (IllegalStateException e) {
            return Part.down(e.getMessage());
        } catch (RuntimeException e) {
            return Part.down(notAnswering("Cassandra at " + cassandraSettings.address(), e));
        }
    }

    /** A table's rows in the page's terms: -1 for a table that does not exist; anything but an exact count is estimated. */
    static TableRows rows(String table, Optional<RowCount> count) {
        return new TableRows(table, count.map(RowCount::value).orElse(-1L), count.map(c -> c.accuracy() != RowCount.Accuracy.EXACT).orElse(false));
    }

    private static String notAnswering(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        return StatusCollector.notAnswering(what, cause);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
        readers.shutdownNow();
    }
}
