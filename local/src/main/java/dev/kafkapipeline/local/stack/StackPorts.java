package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.common.config.EnvConfig;
import java.util.Map;

/**
 * The loopback ports of the native stack. Defaults are the pipeline's usual
 * ports; PIPELINE_PORT_OFFSET shifts all of them at once (tests use it so a
 * running stack and a test run never collide), and each can be set on its own.
 */
public record StackPorts(int cassandraCql, int cassandraStorage, int kafka, int kafkaController, int connect, int jupyter, int watch) {

    public static StackPorts from(EnvConfig env, int defaultOffset) {
        int offset = env.integer("PIPELINE_PORT_OFFSET", defaultOffset);
        return new StackPorts(
                env.port("PIPELINE_CASSANDRA_PORT", 9042 + offset),
                env.port("PIPELINE_CASSANDRA_STORAGE_PORT", 7000 + offset),
                env.port("PIPELINE_KAFKA_PORT", 9092 + offset),
                env.port("PIPELINE_KAFKA_CONTROLLER_PORT", 9093 + offset),
                env.port("PIPELINE_CONNECT_PORT", 8083 + offset),
                env.port("PIPELINE_JUPYTER_PORT", 8888 + offset),
                env.port("PIPELINE_WATCH_PORT", 8050 + offset));
    }

    /** The variables {@link #from} reads, set to these ports: a process given them finds the same ports. */
    public Map<String, String> environment() {
        return Map.of(
                "PIPELINE_CASSANDRA_PORT", Integer.toString(cassandraCql),
                "PIPELINE_CASSANDRA_STORAGE_PORT", Integer.toString(cassandraStorage),
                "PIPELINE_KAFKA_PORT", Integer.toString(kafka),
                "PIPELINE_KAFKA_CONTROLLER_PORT", Integer.toString(kafkaController),
                "PIPELINE_CONNECT_PORT", Integer.toString(connect),
                "PIPELINE_JUPYTER_PORT", Integer.toString(jupyter),
                "PIPELINE_WATCH_PORT", Integer.toString(watch));
    }
}
