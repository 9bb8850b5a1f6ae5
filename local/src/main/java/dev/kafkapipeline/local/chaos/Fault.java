package dev.kafkapipeline.local.chaos;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a fault run kills with SIGKILL, in the order a single node's run does
 * so. There a path's own fault also starts that path: it starts behind the
 * stream and is killed while it works through that backlog, so the kill finds
 * records in flight. A cluster's run kills one member of each kind in
 * {@link #CLUSTER_ORDER}, both paths running from the first fault on.
 */
public enum Fault {
    CONNECT_WORKER("Connect worker", "connect", Optional.of(SinkPath.CONNECT)),
    CONSUMERS("consumers", null, Optional.of(SinkPath.CONSUMERS)),
    KAFKA_BROKER("Kafka broker", "kafka", Optional.empty()),
    CASSANDRA("Cassandra", "cassandra", Optional.empty());

    /** A broker, then a Cassandra node, then a Connect worker and a consumer: the servers first, while the paths catch up. */
    static final List<Fault> CLUSTER_ORDER = List.of(KAFKA_BROKER, CASSANDRA, CONNECT_WORKER, CONSUMERS);

    private final String label;
    private final String kind;
    private final Optional<SinkPath> path;

    Fault(String label, String kind, Optional<SinkPath> path) {
        this.label = label;
        this.kind = kind;
        this.path = path;
    }

    static List<Fault> order(boolean cluster) {
        return cluster ? CLUSTER_ORDER : List.of(values());
    }

    public String label() {
        return label;
    }

    /** The kind of the stack's services this fault kills one of; empty for the consumers, which the run starts itself. */
    Optional<String> kind() {
        return Optional.ofNullable(kind);
    }

    /** The one path this fault kills, for the Connect worker and the consumers; empty for the servers both share. */
    public Optional<SinkPath> path() {
        return path;
    }

    /** The paths that stop writing while this fault lasts. */
    public Set<SinkPath> interrupts() {
        return path.map(Set::of).orElse(Set.of(SinkPath.values()));
    }
}
