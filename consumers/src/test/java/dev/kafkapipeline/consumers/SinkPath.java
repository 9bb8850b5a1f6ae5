package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.service.ExitStatus;
import dev.kafkapipeline.common.service.ServiceExit;
import dev.kafkapipeline.common.service.ServiceRunner;
import dev.kafkapipeline.local.stack.ConnectRest;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.testsupport.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A way from the pipeline's topics into Cassandra, started on the stack to write into a keyspace of its own. */
enum SinkPath {
    /** The committed Connect sinks (kafka/connect/sinks/*.json) as they are, but for their keyspace setting. */
    CONNECT {
        @Override
        Running start(NativeStack stack, String keyspace) {
            ConnectRest connect = new ConnectRest(stack.connectUrl());
            List<String> connectors = new ArrayList<>();
            for (String file : ConsumerMappings.SINK_FILES) {
                Map<String, String> config = new HashMap<>(ConsumerMappings.sinkConfig(file));
                config.put("keyspace", keyspace);
                String name = keyspace + "-" + file.replace(".json", "");
                Eventually.holds("connector " + name + " registered", STARTING, () -> {
                    connect.putConfig(name, config);
                    return true;
                });
                connectors.add(name);
            }
            return () -> connectors.forEach(connect::delete);
        }
    },
    /** The consumers service in process, as ./pipeline runs it, with CASSANDRA_KEYSPACE set. */
    CONSUMERS {
        @Override
        Running start(NativeStack stack, String keyspace) {
            ServiceRunner service = ConsumersMain.runner();
            EnvConfig env = stack.serviceEnvironment().with(Map.of("CASSANDRA_KEYSPACE", keyspace, "TOPIC_NAME", "all",
                    "CONSUMER_GROUP", keyspace + "-consumers"));
            CompletableFuture<ServiceExit> exit = CompletableFuture.supplyAsync(() -> service.run(env));
            return () -> {
                service.stop();
                try {
                    assertEquals(ExitStatus.DONE, exit.get(STARTING.toSeconds(), TimeUnit.SECONDS).status(), "the consumers stopped cleanly");
                } catch (Exception e) {
                    throw new AssertionError("the consumers did not stop", e);
                }
            };
        }
    };

    private static final Duration STARTING = Duration.ofSeconds(60);

    /** Writes from the topics until closed. */
    abstract Running start(NativeStack stack, String keyspace);

    /** A path at work; closing it stops it. */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }
}
