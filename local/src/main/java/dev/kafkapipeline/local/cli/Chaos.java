package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.chaos.ChaosCommand;
import dev.kafkapipeline.local.stack.NativeStack;
import java.util.List;

/** {@code ./pipeline chaos [--rate N]}: the fault run on the running stack (see ChaosCommand). */
final class Chaos implements Subcommand {
    @Override
    public String name() {
        return "chaos";
    }

    @Override
    public String arguments() {
        return "[--rate N]";
    }

    @Override
    public String help() {
        return "SIGKILL Connect, the consumers, Kafka and Cassandra in turn under a steady stream (2,000 records/s); count every key";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        Integer rate = null;
        if (args.size() == 2 && args.get(0).equals("--rate") && args.get(1).matches("[1-9]\\d{0,6}")) {
            rate = Integer.parseInt(args.get(1));
        } else if (!args.isEmpty()) {
            throw new UsageError("chaos takes one option: --rate RECORDS_PER_SECOND (1 or more)");
        }
        NativeStack stack = context.stack();
        RunningStack.require(stack, List.of("cassandra", "kafka", "connect"));
        return ChaosCommand.run(stack, ChaosCommand.settings(context.env(), rate), context.out());
    }
}
