package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.common.config.EnvConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loopback ports of the native stack. Defaults are the pipeline's usual
 * ports; PIPELINE_PORT_OFFSET shifts all of them at once (tests use it so a
 * running stack and a test run never collide), and each can be set on its own.
 */
public record StackPorts(int cassandraCql, int cassandraStorage, int kafka, int kafkaController, int connect, int jupyter, int watch) {

    /** Each port's variable and usual number, in the order of the record's components. */
    private static final List<Map.Entry<String, Integer>> VARIABLES = List.of(
            Map.entry("PIPELINE_CASSANDRA_PORT", 9042),
            Map.entry("PIPELINE_CASSANDRA_STORAGE_PORT", 7000),
            Map.entry("PIPELINE_KAFKA_PORT", 9092),
            Map.entry("PIPELINE_KAFKA_CONTROLLER_PORT", 9093),
            Map.entry("PIPELINE_CONNECT_PORT", 8083),
            Map.entry("PIPELINE_JUPYTER_PORT", 8888),
            Map.entry("PIPELINE_WATCH_PORT", 8050));

    public static StackPorts from(EnvConfig env, int defaultOffset) {
        int offset = env.integer("PIPELINE_PORT_OFFSET", defaultOffset);
        int[] ports = VARIABLES.stream().mapToInt(variable -> env.port(variable.getKey(), variable.getValue() + offset)).toArray();
        return new StackPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
    }

    /** The variables {@link #from} reads, set to these ports: a process given them finds the same ports. */
    public Map<String, String> environment() {
        List<Integer> ports = List.of(cassandraCql, cassandraStorage, kafka, kafkaController, connect, jupyter, watch);
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < VARIABLES.size(); i++) {
            environment.put(VARIABLES.get(i).getKey(), Integer.toString(ports.get(i)));
        }
        return environment;
    }
}
