package dev.kafkapipeline.local.status;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.local.process.LogTail;
import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.Ports;
import dev.kafkapipeline.local.stack.ServiceOutcome;
import dev.kafkapipeline.local.status.StackStatus.ConnectorStatus;
import dev.kafkapipeline.local.status.StackStatus.GroupLag;
import dev.kafkapipeline.local.status.StackStatus.KafkaStatus;
import dev.kafkapipeline.local.status.StackStatus.RowCount;
import dev.kafkapipeline.local.status.StackStatus.ServiceStatus;
import dev.kafkapipeline.local.status.StackStatus.State;
import dev.kafkapipeline.local.status.StackStatus.TableRows;
import dev.kafkapipeline.local.status.StackStatus.TaskState;
import dev.kafkapipeline.local.status.StackStatus.TopicOffsets;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.LoggerFactory;

/**
 * Collects a {@link StackStatus}: the services from their pid and outcome
 * files, then Kafka, Connect and Cassandra side by side, each bounded by the
 * timeout. It prints nothing and never exits, so a long-running process (a
 * status page) can call it again and again; a server that is down makes its
 * part {@link Part.Down}, never an exception.
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
        ExecutorService probes = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "status-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<Part<KafkaStatus>> kafka = CompletableFuture.supplyAsync(this::kafka, probes);
            CompletableFuture<Part<List<ConnectorStatus>>> connectors = CompletableFuture.supplyAsync(this::connectors, probes);
            CompletableFuture<Part<List<TableRows>>> tables = CompletableFuture.supplyAsync(this::tables, probes);
            List<ServiceStatus> services = services();
            return new StackStatus(services, await(kafka, "Kafka at " + stack.kafkaBootstrap()),
                    await(connectors, "Kafka Connect at " + stack.connectUrl()),
                    await(tables, "Cassandra at " + stack.cassandraSettings().address()));
        } finally {
            probes.shutdownNow();
        }
    }

    /** The selected services, and any other of the stack's home that runs. */
    public List<ServiceStatus> services() {
        List<ServiceStatus> services = new ArrayList<>();
        for (String name : stack.everyServiceName()) {
            boolean selected = stack.serviceNames().contains(name);
            ManagedProcess process = stack.process(name);
            Optional<ProcessHandle> running = process.running();
            if (!selected && running.isEmpty()) {
                continue;
            }
            String address = selected ? stack.address(name) : "-";
            if (running.isPresent()) {
                services.add(new ServiceStatus(name, State.RUNNING, OptionalLong.of(running.get().pid()), address, Optional.empty(), ""));
                continue;
            }
            Optional<ServiceOutcome> outcome = ServiceOutcome.read(ServiceOutcome.fileOf(stack.settings(), name));
            State state = outcome.map(o -> o.done() ? State.DONE : State.FAILED)
                    .orElse(process.hasStalePidFile() ? State.EXITED : State.STOPPED);
            String lastLine = state == State.FAILED || state == State.EXITED
                    ? LogTail.lastLines(process.logFile(), 1).stream().findFirst().orElse("") : "";
            services.add(new ServiceStatus(name, state, OptionalLong.empty(), address, outcome, lastLine));
        }
        return services;
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
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new Part.Down<>(what + " is not answering (" + reason + ")");
    }

    /** A server whose port refuses connections is down: no client needs to wait for its timeout to say so. */
    private static <T> Part<T> ifListening(int port, String what, Supplier<Part<T>> probe) {
        if (!Ports.accepts(port)) {
            return new Part.Down<>(what + " is not running (nothing listens on port " + port + ")");
        }
        try {
            return probe.get();
        } catch (RuntimeException e) {
            return down(what, e);
        }
    }

    private Part<KafkaStatus> kafka() {
        return ifListening(stack.settings().ports().kafka(), "Kafka at " + stack.kafkaBootstrap(), () -> {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            try (Admin admin = Admin.create(props)) {
                return new Part.Answered<>(kafka(admin));
            } catch (ExecutionException | TimeoutException e) {
                return down("Kafka at " + stack.kafkaBootstrap(), e.getCause() == null ? e : e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Part.Down<>("Kafka at " + stack.kafkaBootstrap() + ": interrupted");
            }
        });
    }

    private KafkaStatus kafka(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        long seconds = timeout.toSeconds();
        Map<String, TopicDescription> topics = admin.describeTopics(admin.listTopics().names().get(seconds, TimeUnit.SECONDS))
                .allTopicNames().get(seconds, TimeUnit.SECONDS);
        // Committed offsets first, end offsets after: an end offset read later is never behind a commit read earlier.
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(seconds, TimeUnit.SECONDS)) {
            committed.put(group.groupId(), admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(seconds, TimeUnit.SECONDS));
        }
        Map<TopicPartition, OffsetSpec> request = topics.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get(seconds, TimeUnit.SECONDS);

        Map<String, Long> endByTopic = new TreeMap<>();
        ends.forEach((tp, info) -> endByTopic.merge(tp.topic(), info.offset(), Long::sum));
        List<TopicOffsets> offsets = endByTopic.entrySet().stream()
                .map(e -> new TopicOffsets(e.getKey(), topics.get(e.getKey()).partitions().size(), e.getValue())).toList();
        List<GroupLag> lags = new ArrayList<>();
        committed.forEach((group, partitions) -> lags.addAll(lags(group, partitions, ends)));
        return new KafkaStatus(offsets, List.copyOf(lags));
    }

    /** A group's committed offsets and lag per topic, against end offsets read after the commits. */
    static List<GroupLag> lags(String group, Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, ListOffsetsResultInfo> ends) {
        Map<String, long[]> byTopic = new TreeMap<>();
        committed.forEach((tp, offset) -> {
            if (offset == null || !ends.containsKey(tp)) {
                return;
            }
            long[] sums = byTopic.computeIfAbsent(tp.topic(), t -> new long[2]);
            sums[0] += offset.offset();
            // Never below 0: a topic deleted and made again between the two reads (the tests' clean slate)
            // starts its end offsets afresh under an older commit.
            sums[1] += Math.max(0, ends.get(tp).offset() - offset.offset());
        });
        return byTopic.entrySet().stream().map(e -> new GroupLag(group, e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private Part<List<ConnectorStatus>> connectors() {
        return ifListening(stack.settings().ports().connect(), "Kafka Connect at " + stack.connectUrl(), () -> {
            try {
                HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(timeout).build().send(
                        HttpRequest.newBuilder(new URI(stack.connectUrl() + "/connectors?expand=status")).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return new Part.Down<>("Kafka Connect at " + stack.connectUrl() + " answered " + response.statusCode() + ": "
                            + response.body().lines().findFirst().orElse(""));
                }
                return new Part.Answered<>(connectors(Json.MAPPER.readTree(response.body())));
            } catch (java.io.IOException | URISyntaxException e) {
                return down("Kafka Connect at " + stack.connectUrl(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Part.Down<>("Kafka Connect at " + stack.connectUrl() + ": interrupted");
            }
        });
    }

    private static List<ConnectorStatus> connectors(JsonNode answer) {
        List<ConnectorStatus> connectors = new ArrayList<>();
        answer.fields().forEachRemaining(entry -> {
            JsonNode status = entry.getValue().path("status");
            List<TaskState> tasks = new ArrayList<>();
            status.path("tasks").forEach(task -> tasks.add(new TaskState(task.path("id").asInt(), task.path("state").asText())));
            connectors.add(new ConnectorStatus(entry.getKey(), status.path("connector").path("state").asText("?"), List.copyOf(tasks)));
        });
        return List.copyOf(connectors);
    }

    private Part<List<TableRows>> tables() {
        CassandraSettings configured = stack.cassandraSettings();
        CassandraSettings settings = new CassandraSettings(configured.host(), configured.port(), configured.localDatacenter(),
                configured.keyspace(), configured.weatherTable(), configured.fakerTable(), configured.fastf1Table(),
                configured.replication(), timeout, configured.schemaTimeout());
        return ifListening(settings.port(), "Cassandra at " + settings.address(), () -> {
            try (CqlSession session = CassandraSessions.openForStatements(settings)) {
                List<TableRows> tables = new ArrayList<>();
                for (String table : List.of(settings.weatherTable(), settings.fakerTable(), settings.fastf1Table())) {
                    tables.add(new TableRows(settings.keyspace() + "." + table, TableCount.of(session, settings.keyspace(), table, COUNT_CAP)));
                }
                return new Part.Answered<>(List.copyOf(tables));
            }
        });
    }

    /** Counting a table's rows quickly, whatever its size. */
    static final class TableCount {
        private TableCount() {}

        /**
         * Up to {@code cap} rows are counted exactly, by paging through the
         * partition key (SELECT count(*) reads every row and times out on large
         * tables). Beyond, a table with one row per partition takes Cassandra's
         * estimate when it is higher than the cap; any other says "at least".
         * Empty when the table does not exist.
         */
        static Optional<RowCount> of(CqlSession session, String keyspace, String table, int cap) {
            Map<Integer, String> partitionKey = new TreeMap<>();
            boolean clustered = false;
            for (Row column : session.execute(SimpleStatement.newInstance(
                    "SELECT column_name, kind, position FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?", keyspace, table))) {
                if (column.getString("kind").equals("partition_key")) {
                    partitionKey.put(column.getInt("position"), column.getString("column_name"));
                } else if (column.getString("kind").equals("clustering")) {
                    clustered = true;
                }
            }
            if (partitionKey.isEmpty()) {
                return Optional.empty();
            }
            String keys = partitionKey.values().stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(", "));
            long rows = 0;
            for (Row ignored : session.execute(SimpleStatement.newInstance("SELECT " + keys + " FROM \"" + keyspace + "\".\"" + table
                    + "\" LIMIT " + (cap + 1)).setPageSize(5000))) {
                rows++;
            }
            if (rows <= cap) {
                return Optional.of(new RowCount(rows, RowCount.Accuracy.EXACT));
            }
            long estimate = clustered ? 0 : estimatedPartitions(session, keyspace, table);
            return Optional.of(estimate > cap ? new RowCount(estimate, RowCount.Accuracy.ESTIMATE) : new RowCount(cap, RowCount.Accuracy.AT_LEAST));
        }

        /** Cassandra's estimate from the table's SSTables (rows still in memtables are not in it yet). */
        private static long estimatedPartitions(CqlSession session, String keyspace, String table) {
            long partitions = 0;
            for (Row range : session.execute(SimpleStatement.newInstance(
                    "SELECT partitions_count FROM system.size_estimates WHERE keyspace_name = ? AND table_name = ?", keyspace, table))) {
                partitions += range.getLong("partitions_count");
            }
            return partitions;
        }
    }
}
