package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.stack.NativeStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code ./pipeline bench sink}: the bench module's sink benchmark against the running stack. */
final class Bench implements Subcommand {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String arguments() {
        return "sink";
    }

    @Override
    public String help() {
        return "200,000 faker-shaped records through the connector, the consumers and the driver alone";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        if (!args.equals(List.of("sink"))) {
            throw new UsageError("bench knows one benchmark: ./pipeline bench sink");
        }
        NativeStack stack = context.stack();
        RunningStack.require(stack, List.of("cassandra", "kafka", "connect"));
        Map<String, String> env = new HashMap<>(stack.clientEnvironment());
        env.put("CONNECT_URL", stack.connectUrl());
        return ForegroundJvm.run(context, "bench", List.of(), "dev.kafkapipeline.bench.SinkBenchmark", List.of(), env);
    }
}
