package dev.kafkapipeline.watch.flow;

import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.watch.flow.FlowSnapshot.KafkaState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.ServiceState;
import dev.kafkapipeline.watch.flow.FlowSnapshot.TableRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the page's flow tiles show, made from two snapshots a moment apart (for
 * the rates) and the dead-letter reasons. Each section is a list, or why it is
 * missing; a number that cannot be known yet (a rate on the first snapshot) is null.
 */
public record FlowView(
        String at,
        Section<ServiceView> services,
        Section<ProducerView> producers,
        Section<TopicView> topics,
        Section<ConnectorView> connectors,
        Section<GroupView> groups,
        Section<TableView> tables,
        Section<DeadLetterView> deadLetters) {

    /** The producers of the native stack (ServiceCatalog's names) and the topic each writes. */
    static final Map<String, String> PRODUCERS = orderedProducers();

    /** Kafka Connect's sink tasks consume in the group {@code connect-<connector>}. */
    static final String CONNECTOR_GROUP_PREFIX = "connect-";

    public record Section<T>(String down, List<T> items) {
        static <T> Section<T> of(List<T> items) {
            return new Section<>(null, items);
        }

        static <T> Section<T> down(String why) {
            return new Section<>(why, List.of());
        }
    }

    public record ServiceView(String name, String state, String detail) {}

    /**
     * @param state   running, done, failed, stopped, or null where the process table is not known
     * @param sent    records in its topic (each topic has one producer)
     */
    public record ProducerView(String name, String topic, String state, String detail, Long sent, Double rate) {}

    public record TopicView(String name, long end, Double rate) {}

    public record ConnectorView(String name, String state, List<String> tasks, Long lag) {}

    /** @param state running (members consume), stopped (no member left), rebalancing, or the broker's word */
    public record GroupView(String name, String state, Map<String, Long> lag) {}

    public record TableView(String name, long rows, boolean estimated, Double rate) {}

    public record DeadLetterView(String topic, long count, List<String> reasons) {}

    public static FlowView of(FlowSnapshot previous, FlowSnapshot current, Map<String, List<String>> deadLetterReasons) {
        double seconds = previous == null ? 0 : Duration.between(previous.takenAt(), current.takenAt()).toMillis() / 1000.0;
        Map<String, Long> ends = current.kafka().isDown() ? Map.of() : current.kafka().value().endOffsets();
        Map<String, Long> previousEnds = previous == null || previous.kafka().isDown() ? Map.of() : previous.kafka().value().endOffsets();
        return new FlowView(
                current.takenAt().toString(),
                section(current.services(), list -> list.stream().map(s -> new ServiceView(s.name(), s.state(), s.detail())).toList()),
                producers(current, ends, previousEnds, seconds),
                section(current.kafka(), kafka -> kafka.endOffsets().entrySet().stream()
                        .map(e -> new TopicView(e.getKey(), e.getValue(), rate(previousEnds.get(e.getKey()), e.getValue(), seconds)))
                        .toList()),
                section(current.connectors(), list -> list.stream().map(c -> new ConnectorView(c.name(), c.state(), c.taskStates(),
                        connectorLag(current.kafka(), c.name()))).toList()),
                section(current.kafka(), kafka -> kafka.groups().stream().filter(g -> !g.group().startsWith(CONNECTOR_GROUP_PREFIX))
                        .map(g -> new GroupView(g.group(), groupState(g.state()), g.lag())).toList()),
                tables(previous, current, seconds),
                section(current.kafka(), kafka -> kafka.endOffsets().entrySet().stream()
                        .filter(e -> e.getKey().endsWith(Topics.DLQ_SUFFIX))
                        .map(e -> new DeadLetterView(e.getKey(), e.getValue(), deadLetterReasons.getOrDefault(e.getKey(), List.of())))
                        .toList()));
    }

    private static <P, T> Section<T> section(Part<P> part, Function<P, List<T>> items) {
        return part.isDown() ? Section.down(part.down()) : Section.of(items.apply(part.value()));
    }

    private static Section<ProducerView> producers(FlowSnapshot current, Map<String, Long> ends, Map<String, Long> previousEnds,
                                                   double seconds) {
        Map<String, ServiceState> processes = new LinkedHashMap<>();
        if (!current.services().isDown()) {
            current.services().value().forEach(s -> processes.put(s.name(), s));
        }
        List<ProducerView> producers = new ArrayList<>();
        PRODUCERS.forEach((name, topic) -> {
            ServiceState process = processes.get(name);
            String state = process != null ? process.state() : null;
            String detail = process != null ? process.detail()
                    : current.services().isDown() ? current.services().down() : "not started by this stack";
            producers.add(new ProducerView(name, topic, state, detail, ends.get(topic), rate(previousEnds.get(topic), ends.get(topic), seconds)));
        });
        return Section.of(producers);
    }

    private static Long connectorLag(Part<KafkaState> kafka, String connector) {
        if (kafka.isDown()) {
            return null;
        }
        return kafka.value().groups().stream().filter(g -> g.group().equals(CONNECTOR_GROUP_PREFIX + connector)).findFirst()
                .map(g -> g.lag().values().stream().mapToLong(Long::longValue).sum()).orElse(null);
    }

    static String groupState(String brokerState) {
        return switch (brokerState.toUpperCase(Locale.ROOT)) {
            case "STABLE" -> "running";
            case "EMPTY" -> "stopped";
            case "PREPARING_REBALANCE", "COMPLETING_REBALANCE", "ASSIGNING", "RECONCILING" -> "rebalancing";
            default -> brokerState.toLowerCase(Locale.ROOT);
        };
    }

    private static Section<TableView> tables(FlowSnapshot previous, FlowSnapshot current, double seconds) {
        Map<String, Long> before = new LinkedHashMap<>();
        if (previous != null && !previous.tables().isDown()) {
            previous.tables().value().forEach(t -> before.put(t.table(), t.rows()));
        }
        return section(current.tables(), list -> list.stream().map((TableRows t) -> new TableView(t.table(), t.rows(), t.estimated(),
                t.rows() < 0 ? null : rate(before.get(t.table()), t.rows(), seconds))).toList());
    }

    /** Records a second between two readings; null without a previous reading or when the count went back (a topic made anew). */
    static Double rate(Long before, Long now, double seconds) {
        if (before == null || now == null || seconds <= 0 || now < before) {
            return null;
        }
        return (now - before) / seconds;
    }

    private static Map<String, String> orderedProducers() {
        Map<String, String> producers = new LinkedHashMap<>();
        producers.put("faker", Topics.FAKER);
        producers.put("weather", Topics.WEATHER);
        producers.put("fastf1", Topics.FASTF1);
        return java.util.Collections.unmodifiableMap(producers);
    }
}
