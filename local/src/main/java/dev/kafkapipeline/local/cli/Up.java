package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.StackStartException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code ./pipeline up [--offline]}: starts what is not running and returns once all of it is healthy. */
final class Up implements Subcommand {
    @Override
    public String name() {
        return "up";
    }

    @Override
    public String arguments() {
        return "[--offline]";
    }

    @Override
    public String help() {
        return "start Cassandra, Kafka, Connect and the services, return when healthy (--offline: the bundled Baku race)";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        if (!args.isEmpty() && !args.equals(List.of("--offline"))) {
            throw new UsageError("up takes no arguments but --offline");
        }
        NativeStack stack = (args.isEmpty() ? context : context.with(Map.of("PIPELINE_OFFLINE", "true"))).stack();
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
        context.out().println("The pipeline is up. Kafka " + stack.kafkaBootstrap() + ", Connect " + stack.connectUrl()
                + ", Cassandra " + stack.cassandraSettings().address() + ".");
        if (stack.serviceNames().contains("jupyter")) {
            context.out().println("Notebooks: " + stack.address("jupyter"));
        }
        if (stack.serviceNames().contains("watch")) {
            context.out().println("Live page: " + stack.address("watch"));
        }
        if (stack.settings().offline() && stack.serviceNames().contains("fastf1")) {
            context.out().println("Offline: the race's laps reach Cassandra over the next minute; then ./pipeline render draws them.");
        }
        context.out().println("Next: ./pipeline status, ./pipeline cqlsh, ./pipeline logs SERVICE, ./pipeline down");
        return 0;
    }
}
