package dev.kafkapipeline.local.stack;

import java.util.List;

/**
 * What the JVM of a Cassandra node needs, for launchers outside the stack:
 * tests that run a node of their own (a secured one, say) start it exactly as
 * the stack starts its own.
 */
public final class CassandraJvm {
    private CassandraJvm() {}

    /** Cassandra 5.0's conf/jvm17-server.options, the ones {@link CassandraNode} uses. */
    public static List<String> java17Options() {
        return CassandraNode.JAVA17_MODULE_OPTIONS;
    }
}
