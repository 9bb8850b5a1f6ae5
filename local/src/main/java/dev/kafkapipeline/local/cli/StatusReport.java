package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.stack.ServiceOutcome;
import dev.kafkapipeline.local.status.Part;
import dev.kafkapipeline.local.status.StackStatus;
import dev.kafkapipeline.local.status.StackStatus.ConnectorStatus;
import dev.kafkapipeline.local.status.StackStatus.KafkaStatus;
import dev.kafkapipeline.local.status.StackStatus.RowCount;
import dev.kafkapipeline.local.status.StackStatus.ServiceStatus;
import dev.kafkapipeline.local.status.StackStatus.TableRows;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code ./pipeline status} as text: a table per part, or the line saying why a part has no answer. */
final class StatusReport {
    private StatusReport() {}

    static String render(StackStatus status) {
        StringBuilder text = new StringBuilder();
        services(status.services(), text);
        part(status.kafka(), text, StatusReport::kafka);
        part(status.connectors(), text, StatusReport::connectors);
        part(status.tables(), text, StatusReport::tables);
        return text.toString();
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

    private static String connectors(List<ConnectorStatus> connectors) {
        if (connectors.isEmpty()) {
            return "(no connectors registered)\n";
        }
        TextTable table = new TextTable(List.of("CONNECTOR", "STATE", "TASKS"));
        for (ConnectorStatus connector : connectors) {
            String tasks = connector.tasks().stream().map(t -> t.id() + ":" + t.state()).collect(Collectors.joining(" "));
            table.add(List.of(connector.name(), connector.state(), tasks.isEmpty() ? "-" : tasks));
        }
        return table.render();
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
