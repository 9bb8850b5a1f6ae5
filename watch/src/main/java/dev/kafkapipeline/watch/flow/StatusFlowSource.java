package dev.kafkapipeline.watch.flow;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.local.process.LogTail;
import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.watch.CassandraLink;
import dev.kafkapipeline.watch.WatchSettings;
import dev.kafkapipeline.watch.flow.FlowSnapshot.ConnectorState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.GroupState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.KafkaState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.ServiceState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.TableRows;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The flow as {@code ./pipeline status} reads it today (local's StatusReport):
 * the stack's pid files, Kafka's end offsets and group offsets through an admin
 * client, Connect's {@code /connectors?expand=status}, and a paged count of each
 * table. StatusReport prints as it reads, so its queries are repeated here,
 * call for call; once its collector (StackStatus) is merged, this class is the
 * one to switch to it. Beyond what status shows it asks the broker for each
 * group's state, which tells a stopped consumer from a running one.
 */
public final class StatusFlowSource implements FlowSnapshotSource {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    /** How long a snapshot waits for its parts; a slower part shows its previous answer. */
    private static final Duration WAIT = Duration.ofMillis(900);
    private static final Duration STALE = Duration.ofSeconds(5);
    private static final int EXITED_LOG_LINES = 5;

    private final WatchSettings settings;
    private final CassandraLink cassandra;
    private final TableRowCounter counter = new TableRowCounter();
    private final ExecutorService readers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "flow-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Admin admin;
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
        String kafkaAddress = "Kafka at " + KafkaSettings.bootstrapServers(settings.clients());
        this.services = new PartReader<>("the stack's processes", this::readServices, STALE);
        this.kafka = new PartReader<>(kafkaAddress, () -> readKafka(kafkaAddress), STALE);
        this.connectors = new PartReader<>("Kafka Connect at " + settings.connectUrl(), this::readConnectors, STALE);
        this.tables = new PartReader<>("Cassandra at " + settings.cassandra().address(), this::readTables, STALE);
    }

    @Override
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

    /** The pid files of the native stack, as status reads them; an exited service is judged by its last log lines. */
    private Part<List<ServiceState>> readServices() {
        if (settings.stack().isEmpty()) {
            return Part.down("process states are known to ./pipeline only (in Docker: docker compose ps)");
        }
        NativeStack stack = settings.stack().get();
        List<ServiceState> states = new ArrayList<>();
        for (String name : stack.serviceNames()) {
            ManagedProcess process = stack.process(name);
            if (process.running().isPresent()) {
                states.add(new ServiceState(name, "running", stack.address(name)));
            } else if (process.hasStalePidFile()) {
                states.add(exited(name, LogTail.lastLines(process.logFile(), EXITED_LOG_LINES)));
            } else {
                states.add(new ServiceState(name, "stopped", ""));
            }
        }
        return Part.of(states);
    }

    /**
     * Only the process that started a service learns its exit code, and
     * ./pipeline up has returned long ago: its last log lines tell a clean end
     * from a failure (every service logs its failure at ERROR before it exits).
     */
    static ServiceState exited(String name, List<String> lastLines) {
        String last = lastLines.isEmpty() ? "" : lastLines.get(lastLines.size() - 1);
        boolean failed = lastLines.stream().anyMatch(line -> line.contains(" ERROR ") || line.startsWith("Exception in thread"));
        return new ServiceState(name, failed ? "failed" : "done", last);
    }

    private Part<KafkaState> readKafka(String address) {
        try {
            Set<String> names = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            var descriptions = admin.describeTopics(names).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<String, Long> endByTopic = new TreeMap<>();
            ends.forEach((tp, info) -> endByTopic.merge(tp.topic(), info.offset(), Long::sum));

            List<GroupState> groups = new ArrayList<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                Map<String, Long> committedByTopic = new TreeMap<>();
                Map<String, Long> lagByTopic = new TreeMap<>();
                committed.forEach((tp, offset) -> {
                    if (offset == null || !ends.containsKey(tp)) {
                        return;
                    }
                    committedByTopic.merge(tp.topic(), offset.offset(), Long::sum);
                    lagByTopic.merge(tp.topic(), ends.get(tp).offset() - offset.offset(), Long::sum);
                });
                String state = group.groupState().map(Enum::name).orElse("UNKNOWN");
                groups.add(new GroupState(group.groupId(), state, committedByTopic, lagByTopic));
            }
            groups.sort(java.util.Comparator.comparing(GroupState::group));
            return Part.of(new KafkaState(endByTopic, groups));
        } catch (Exception e) {
            return Part.down(notAnswering(address, e));
        }
    }

    private Part<List<ConnectorState>> readConnectors() {
        String address = "Kafka Connect at " + settings.connectUrl();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.connectUrl() + "/connectors?expand=status"))
                    .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Part.down(address + " answered " + response.statusCode() + ": " + CassandraLink.firstLine(response.body()));
            }
            List<ConnectorState> states = new ArrayList<>();
            Json.MAPPER.readTree(response.body()).fields().forEachRemaining(entry -> {
                JsonNode status = entry.getValue().path("status");
                List<String> tasks = new ArrayList<>();
                status.path("tasks").forEach(task -> tasks.add(task.path("state").asText("?")));
                states.add(new ConnectorState(entry.getKey(), status.path("connector").path("state").asText("?"), tasks));
            });
            states.sort(java.util.Comparator.comparing(ConnectorState::name));
            return Part.of(states);
        } catch (Exception e) {
            return Part.down(notAnswering(address, e));
        }
    }

    private Part<List<TableRows>> readTables() {
        CassandraSettings cassandraSettings = cassandra.settings();
        try {
            CqlSession session = cassandra.session();
            List<TableRows> rows = new ArrayList<>();
            for (String name : List.of(cassandraSettings.weatherTable(), cassandraSettings.fakerTable(), cassandraSettings.fastf1Table())) {
                String qualified = cassandraSettings.keyspace() + "." + name;
                var metadata = session.getMetadata().getKeyspace(cassandraSettings.keyspace()).flatMap(ks -> ks.getTable(name));
                if (metadata.isPresent()) {
                    rows.add(counter.count(session, metadata.get()));
                } else {
                    rows.add(new TableRows(qualified, -1, false));
                }
            }
            return Part.of(rows);
        } catch (IllegalStateException e) {
            return Part.down(e.getMessage());
        } catch (RuntimeException e) {
            return Part.down(notAnswering("Cassandra at " + cassandraSettings.address(), e));
        }
    }

    private static String notAnswering(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : CassandraLink.firstLine(cause.getMessage());
        return what + " is not answering (" + reason + ")";
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
        readers.shutdownNow();
    }
}
