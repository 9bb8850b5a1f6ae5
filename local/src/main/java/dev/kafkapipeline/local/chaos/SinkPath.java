package dev.kafkapipeline.local.chaos;

/**
 * The two ways records reach Cassandra. In a fault run each writes to a
 * keyspace of its own (the pipeline's faker table in each) with a consumer
 * group of its own, so one path's rows can never hide the other's losses.
 */
public enum SinkPath {
    CONNECT("connect", "chaos_connect"),
    CONSUMERS("consumers", "chaos_consumers");

    private final String label;
    private final String keyspace;

    SinkPath(String label, String keyspace) {
        this.label = label;
        this.keyspace = keyspace;
    }

    public String label() {
        return label;
    }

    public String keyspace() {
        return keyspace;
    }
}
