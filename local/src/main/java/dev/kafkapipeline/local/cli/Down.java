package dev.kafkapipeline.local.cli;

import java.util.List;

/** {@code ./pipeline down}: stops every process of the stack. */
final class Down implements Subcommand {
    @Override
    public String name() {
        return "down";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String help() {
        return "stop everything (SIGTERM, then SIGKILL after PIPELINE_STOP_GRACE seconds)";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) {
            throw new UsageError("down takes no arguments");
        }
        context.stack().down();
        context.out().println("The pipeline is down.");
        return 0;
    }
}
