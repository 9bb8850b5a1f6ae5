package dev.kafkapipeline.local.chaos;

import java.util.Optional;
import java.util.Set;

/**
 * What a fault run kills with SIGKILL, in the order it does so. A path's own
 * fault also starts that path: it starts behind the stream and is killed
 * while it works through that backlog, so the kill finds records in flight.
 */
public enum Fault {
    CONNECT_WORKER("Connect worker", "connect", Optional.of(SinkPath.CONNECT)),
    CONSUMERS("consumers", null, Optional.of(SinkPath.CONSUMERS)),
    KAFKA_BROKER("Kafka broker", "kafka", Optional.empty()),
    CASSANDRA("Cassandra", "cassandra", Optional.empty());

    private final String label;
    private final String stackService;
    private final Optional<SinkPath> path;

    Fault(String label, String stackService, Optional<SinkPath> path) {
        this.label = label;
        this.stackService = stackService;
        this.path = path;
    }

    public String label() {
        return label;
    }

    /** The stack's service this fault kills; empty for the consumers, which the run starts itself. */
    Optional<String> stackService() {
        return Optional.ofNullable(stackService);
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
