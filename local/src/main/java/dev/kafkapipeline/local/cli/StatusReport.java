package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.stack.ServiceOutcome;
import dev.kafkapipeline.local.status.Part;
import dev.kafkapipeline.local.status.StackStatus;
import dev.kafkapipeline.local.status.StackStatus.BrokerState;
import dev.kafkapipeline.local.status.StackStatus.ClusterStatus;
import dev.kafkapipeline.local.status.StackStatus.ConnectorStatus;
import dev.kafkapipeline.local.status.StackStatus.KafkaCluster;
import dev.kafkapipeline.local.status.StackStatus.KafkaStatus;
import dev.kafkapipeline.local.status.StackStatus.NodeState;
import dev.kafkapipeline.local.status.StackStatus.PartitionReplicas;
import dev.kafkapipeline.local.status.StackStatus.RowCount;
import dev.kafkapipeline.local.status.StackStatus.ServiceStatus;
import dev.kafkapipeline.local.status.StackStatus.TableRows;
import dev.kafkapipeline.local.status.StackStatus.WorkerState;
import dev.kafkapipeline.local.text.TextTable;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code ./pipeline status} as text: a table per part, or the line saying why
 * a part has no answer; a cluster's members as the cluster sees them, and the
 * worker of each sink task.
 */
final class StatusReport {
    private StatusReport() {}

    static String render(StackStatus status) {
        StringBuilder text = new StringBuilder();
        services(status.services(), text);
        status.cluster().ifPresent(cluster -> {
            part(cluster.brokers(), text, StatusReport::brokers);
            part(cluster.ring(), text, StatusReport::ring);
        });
        part(status.kafka(), text, StatusReport::kafka);
        part(status.connectors(), text, connectors -> connectors(connectors, status.cluster().map(ClusterStatus::workers)));
        part(status.tables(), text, StatusReport::tables);
        return text.toString();
    }

    private static String brokers(KafkaCluster kafka) {
        TextTable brokers = new TextTable(List.of("BROKER", "ADDRESS", "STATE", "KRAFT QUORUM"));
        for (BrokerState broker : kafka.brokers()) {
            brokers.add(List.of(Integer.toString(broker.id()), broker.address(), broker.live() ? "up" : "down", broker.quorum()));
        }
        if (kafka.underReplicated().isEmpty()) {
            return brokers.render() + "under-replicated partitions: none\n";
        }
        TextTable partitions = new TextTable(List.of("UNDER-REPLICATED PARTITION", "LEADER", "REPLICAS", "IN SYNC"));
        for (PartitionReplicas partition : kafka.underReplicated()) {
            partitions.add(List.of(partition.topic() + "-" + partition.partition(), partition.leader() < 0 ? "none" : Integer.toString(partition.leader()),
                    ids(partition.replicas()), ids(partition.inSync())));
        }
        return brokers.render() + "\n" + kafka.underReplicated().size() + " under-replicated partitions:\n" + partitions.render();
    }

    private static String ids(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String ring(List<NodeState> nodes) {
        TextTable ring = new TextTable(List.of("CASSANDRA NODE", "ADDRESS", "STATE", "DATA CENTRE"));
        nodes.forEach(node -> ring.add(List.of(node.name(), node.address(), node.state().toLowerCase(java.util.Locale.ROOT), node.datacenter())));
        return ring.render();
    }

    private static <T> void part(Part<T> part, StringBuilder text, Function<T, String> render) {
        if (part instanceof Part.Answered<T> answered) {
            text.append(render.apply(answered.value()));
        } else if (part instanceof Part.Down<T> down) {
            text.append(down.why()).append('\n');
        }
        text.append('\n');
    }

    private static void services(List<ServiceStatus> services, StringBuilder text) {
        TextTable table = new TextTable(List.of("SERVICE", "PID", "STATE", "ADDRESS"));
        for (ServiceStatus service : services) {
            table.add(List.of(service.name(), service.pid().isPresent() ? Long.toString(service.pid().getAsLong()) : "-",
                    state(service), service.address()));
        }
        text.append(table.render());
        for (ServiceStatus service : services) {
            if (service.state() == StackStatus.State.FAILED || service.state() == StackStatus.State.EXITED) {
                String why = service.outcome().map(ServiceOutcome::detail).filter(detail -> !detail.isEmpty()).map(detail -> detail + "; ").orElse("");
                text.append(service.name()).append(": ").append(why).append("its log ends: ").append(service.lastLogLine())
                        .append(" (./pipeline logs ").append(service.name()).append(")\n");
            }
        }
        text.append('\n');
    }

    private static String state(ServiceStatus service) {
        return switch (service.state()) {
            case RUNNING -> "running";
            case DONE -> service.outcome().map(ServiceOutcome::detail).filter(detail -> !detail.isEmpty()).map(detail -> "done, " + detail).orElse("done");
            case FAILED -> "exited " + service.outcome().map(ServiceOutcome::exitCode).map(code -> code < 0 ? "" : Integer.toString(code)).orElse("").strip();
            case EXITED -> "exited (no outcome recorded)";
            case STOPPED -> "stopped";
        };
    }

    private static String kafka(KafkaStatus kafka) {
        TextTable topics = new TextTable(List.of("TOPIC", "PARTITIONS", "END OFFSETS (sum)"));
        kafka.topics().forEach(t -> topics.add(List.of(t.topic(), Integer.toString(t.partitions()), Long.toString(t.endOffsets()))));
        TextTable lags = new TextTable(List.of("CONSUMER GROUP", "TOPIC", "COMMITTED", "LAG"));
        kafka.lags().forEach(l -> lags.add(List.of(l.group(), l.topic(), Long.toString(l.committed()), Long.toString(l.lag()))));
        return topics.render() + "\n" + (lags.size() > 0 ? lags.render() : "(no consumer group has committed offsets yet)\n");
    }

    /** With a cluster's workers, each task names the worker that runs it, and each worker says whether it answers. */
    private static String connectors(List<ConnectorStatus> connectors, Optional<List<WorkerState>> workers) {
        String text = "";
        if (workers.isPresent()) {
            TextTable table = new TextTable(List.of("CONNECT WORKER", "ADDRESS", "STATE", "TASKS"));
            for (WorkerState worker : workers.get()) {
                long tasks = connectors.stream().flatMap(c -> c.tasks().stream()).filter(t -> t.worker().equals(worker.id())).count();
                table.add(List.of(worker.name(), worker.id(), worker.answering() ? "up" : "down", Long.toString(tasks)));
            }
            text = table.render() + "\n";
        }
        if (connectors.isEmpty()) {
            return text + "(no connectors registered)\n";
        }
        TextTable table = new TextTable(List.of("CONNECTOR", "STATE", "TASKS"));
        for (ConnectorStatus connector : connectors) {
            String tasks = connector.tasks().stream().map(t -> t.id() + ":" + t.state() + workers.map(all -> " on " + workerName(all, t.worker())).orElse(""))
                    .collect(Collectors.joining(" "));
            table.add(List.of(connector.name(), connector.state(), tasks.isEmpty() ? "-" : tasks));
        }
        return text + table.render();
    }

    private static String workerName(List<WorkerState> workers, String id) {
        return workers.stream().filter(w -> w.id().equals(id)).map(WorkerState::name).findFirst().orElse(id);
    }

    private static String tables(List<TableRows> tables) {
        TextTable table = new TextTable(List.of("TABLE", "ROWS"));
        tables.forEach(t -> table.add(List.of(t.table(), t.rows().map(StatusReport::rows).orElse("(missing)"))));
        return table.render();
    }

    static String rows(RowCount count) {
        return switch (count.accuracy()) {
            case EXACT -> String.format("%,d", count.value());
            case AT_LEAST -> String.format(">%,d", count.value());
            case ESTIMATE -> String.format("~%,d (estimate)", count.value());
        };
    }
}
