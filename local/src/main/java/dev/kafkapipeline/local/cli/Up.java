package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.StackStartException;
import dev.kafkapipeline.local.stack.StackSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./pipeline up [--offline] [--cluster]}: starts what is not running and
 * returns once all of it is healthy; {@code --cluster} (or PIPELINE_CLUSTER=true)
 * starts the three-node cluster instead of one node of each server.
 */
final class Up implements Subcommand {
    @Override
    public String name() {
        return "up";
    }

    @Override
    public String arguments() {
        return "[--offline] [--cluster]";
    }

    @Override
    public String help() {
        return "start Cassandra, Kafka, Connect and the services, return when healthy (--offline: the bundled Baku race;"
                + " --cluster: three brokers, three Cassandra nodes, two Connect workers)";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            switch (arg) {
                case "--offline" -> options.put("PIPELINE_OFFLINE", "true");
                case "--cluster" -> options.put(StackSettings.CLUSTER, "true");
                default -> throw new UsageError("up takes no arguments but --offline and --cluster");
            }
        }
        NativeStack stack = context.with(options).stack();
        AtomicBoolean finished = new AtomicBoolean();
        // Ctrl-C during start-up must not leave half a stack running.
        Thread interrupted = new Thread(() -> {
            if (!finished.get()) {
                context.err().println("pipeline: interrupted; stopping what was started");
                stack.down();
            }
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            stack.up();
        } catch (StackStartException e) {
            finished.set(true);
            throw new CommandFailure(e.getMessage());
        }
        finished.set(true);
        Runtime.getRuntime().removeShutdownHook(interrupted);
        context.out().println();
        String connect = String.join(",", stack.connectWorkers().stream().map(stack::connectUrl).toList());
        context.out().println("The pipeline is up" + (stack.settings().topology().isCluster() ? " as a cluster" : "") + ". Kafka "
                + stack.kafkaBootstrap() + ", Connect " + connect + ", Cassandra " + stack.cassandraSettings().address() + ".");
        if (stack.serviceNames().contains("jupyter")) {
            context.out().println("Notebooks: " + stack.address("jupyter"));
        }
        if (stack.serviceNames().contains("watch")) {
            context.out().println("Live page: " + stack.address("watch"));
        }
        if (stack.settings().offline() && stack.serviceNames().contains("fastf1")) {
            context.out().println("Offline: the race's laps reach Cassandra as the replay goes (./pipeline status counts them); once fastf1 is done, ./pipeline render draws them.");
        }
        context.out().println("Next: ./pipeline status, ./pipeline cqlsh, ./pipeline logs SERVICE, ./pipeline down");
        return 0;
    }
}
