package dev.kafkapipeline.local.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.stack.NativeStack;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
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
 * {@code ./pipeline status}: the services, then what the data says: topics
 * with end offsets and consumer-group lag, connectors and their tasks, and
 * the rows in each table. A part whose server is down says so and the report
 * goes on.
 */
final class StatusReport {
    private final NativeStack stack;
    private final PrintStream out;

    StatusReport(NativeStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    void print() {
        services();
        topics();
        connectors();
        tables();
    }

    private void services() {
        TextTable table = new TextTable(List.of("SERVICE", "PID", "STATE", "ADDRESS"));
        for (String name : stack.serviceNames()) {
            ManagedProcess process = stack.process(name);
            var running = process.running();
            String state = running.isPresent() ? "running" : process.hasStalePidFile() ? "exited (./pipeline logs " + name + ")" : "stopped";
            table.add(List.of(name, running.map(h -> Long.toString(h.pid())).orElse("-"), state, stack.address(name)));
        }
        out.print(table.render());
        out.println();
    }

    private void topics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(props)) {
            Set<String> names = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            var descriptions = admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get(5, TimeUnit.SECONDS);
            Map<String, Long> endByTopic = new TreeMap<>();
            ends.forEach((tp, info) -> endByTopic.merge(tp.topic(), info.offset(), Long::sum));

            TextTable topics = new TextTable(List.of("TOPIC", "PARTITIONS", "END OFFSETS (sum)"));
            endByTopic.forEach((topic, end) -> topics.add(List.of(topic,
                    Integer.toString(descriptions.get(topic).partitions().size()), Long.toString(end))));
            out.print(topics.render());
            out.println();

            TextTable lag = new TextTable(List.of("CONSUMER GROUP", "TOPIC", "COMMITTED", "LAG"));
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Map<String, long[]> byTopic = new TreeMap<>();
                committed.forEach((tp, offset) -> {
                    if (offset == null || !ends.containsKey(tp)) {
                        return;
                    }
                    long[] sums = byTopic.computeIfAbsent(tp.topic(), t -> new long[2]);
                    sums[0] += offset.offset();
                    sums[1] += ends.get(tp).offset() - offset.offset();
                });
                byTopic.forEach((topic, sums) -> lag.add(List.of(group.groupId(), topic, Long.toString(sums[0]), Long.toString(sums[1]))));
            }
            if (lag.size() > 0) {
                out.print(lag.render());
            } else {
                out.println("(no consumer group has committed offsets yet)");
            }
            out.println();
        } catch (Exception e) {
            unavailable("Kafka at " + stack.kafkaBootstrap(), e);
        }
    }

    private void connectors() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.connectUrl() + "/connectors?expand=status"))
                            .timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                out.println("Kafka Connect answered " + response.statusCode() + ": " + response.body());
                out.println();
                return;
            }
            JsonNode connectors = Json.MAPPER.readTree(response.body());
            TextTable table = new TextTable(List.of("CONNECTOR", "STATE", "TASKS"));
            connectors.fields().forEachRemaining(entry -> {
                JsonNode status = entry.getValue().path("status");
                String tasks = java.util.stream.StreamSupport.stream(status.path("tasks").spliterator(), false)
                        .map(t -> t.path("id").asText() + ":" + t.path("state").asText())
                        .collect(Collectors.joining(" "));
                table.add(List.of(entry.getKey(), status.path("connector").path("state").asText("?"), tasks.isEmpty() ? "-" : tasks));
            });
            if (table.size() > 0) {
                out.print(table.render());
            } else {
                out.println("(no connectors registered)");
            }
            out.println();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            unavailable("Kafka Connect at " + stack.connectUrl(), e);
        }
    }

    private void tables() {
        CassandraSettings settings = stack.cassandraSettings();
        try (CqlSession session = CassandraSessions.open(settings)) {
            TextTable table = new TextTable(List.of("TABLE", "ROWS"));
            for (String name : List.of(settings.weatherTable(), settings.fakerTable(), settings.fastf1Table())) {
                var metadata = session.getMetadata().getKeyspace(settings.keyspace()).flatMap(ks -> ks.getTable(name));
                table.add(List.of(settings.keyspace() + "." + name,
                        metadata.map(t -> Long.toString(countRows(session, t))).orElse("(missing)")));
            }
            out.print(table.render());
        } catch (RuntimeException e) {
            unavailable("Cassandra at " + settings.address(), e);
        }
    }

    /**
     * A paged scan of the primary key: SELECT count(*) times out on large
     * tables, while paging through keys always finishes.
     */
    static long countRows(CqlSession session, TableMetadata table) {
        String keys = table.getPrimaryKey().stream().map(c -> c.getName().asCql(true)).collect(Collectors.joining(", "));
        String cql = "SELECT " + keys + " FROM " + table.getKeyspace().asCql(true) + "." + table.getName().asCql(true);
        long rows = 0;
        for (var ignored : session.execute(SimpleStatement.newInstance(cql).setPageSize(5000).setTimeout(Duration.ofSeconds(30)))) {
            rows++;
        }
        return rows;
    }

    private void unavailable(String what, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        out.println(what + " is not answering (" + reason.lines().findFirst().orElse("") + ")");
        out.println();
    }
}
