package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.status.StatusCollector;
import java.time.Duration;
import java.util.List;

/** {@code ./pipeline status}: what runs, and what the data says. */
final class Status implements Subcommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String help() {
        return "services (done or failed once ended), topics with offsets and lag, connectors, table rows";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) {
            throw new UsageError("status takes no arguments");
        }
        NativeStack stack = context.stack();
        if (stack.runningServices().isEmpty()) {
            throw new CommandFailure(RunningStack.NOT_UP);
        }
        context.out().print(StatusReport.render(new StatusCollector(stack, TIMEOUT).collect()));
        return 0;
    }
}
