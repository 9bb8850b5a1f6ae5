package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.chaos.ChaosCommand;
import dev.kafkapipeline.local.stack.NativeStack;
import java.util.List;

/**
 * {@code ./pipeline chaos [--rate N] [--cluster]}: the fault run on the running
 * stack (see ChaosCommand); on a cluster it kills one member of each kind.
 * {@code --cluster} says that the stack must be the cluster.
 */
final class Chaos implements Subcommand {
    @Override
    public String name() {
        return "chaos";
    }

    @Override
    public String arguments() {
        return "[--rate N] [--cluster]";
    }

    @Override
    public String help() {
        return "SIGKILL Connect, the consumers, Kafka and Cassandra in turn under a steady stream (2,000 records/s); count every key"
                + " (on a cluster: one broker, one Cassandra node, one Connect worker, one consumer)";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        Integer rate = null;
        boolean cluster = false;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--cluster")) {
                cluster = true;
            } else if (args.get(i).equals("--rate") && i + 1 < args.size() && args.get(i + 1).matches("[1-9]\\d{0,6}")) {
                rate = Integer.parseInt(args.get(++i));
            } else {
                throw new UsageError("chaos takes --rate RECORDS_PER_SECOND (1 or more) and --cluster");
            }
        }
        NativeStack stack = context.stack();
        if (cluster && !stack.settings().topology().isCluster()) {
            throw new CommandFailure("the stack in " + stack.settings().home() + " is a single node: run the cluster with"
                    + " ./pipeline up --cluster (PIPELINE_HOME and PIPELINE_PORT_OFFSET give it a home and ports of its own)");
        }
        RunningStack.require(stack, List.of("cassandra", "kafka", "connect"));
        return ChaosCommand.run(stack, ChaosCommand.settings(context.env(), rate), context.out());
    }
}
