package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.stack.HomeFolder;
import dev.kafkapipeline.local.stack.NativeStack;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code ./pipeline reset [--yes]}: deletes the stack's home (data, logs, pid files); the stack must be down. */
final class Reset implements Subcommand {
    @Override
    public String name() {
        return "reset";
    }

    @Override
    public String arguments() {
        return "[--yes]";
    }

    @Override
    public String help() {
        return "delete the stack's data and logs (the stack must be down)";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        if (!args.isEmpty() && !args.equals(List.of("--yes"))) {
            throw new UsageError("reset takes no arguments but --yes");
        }
        NativeStack stack = context.stack();
        List<String> running = stack.runningServices();
        if (!running.isEmpty()) {
            throw new CommandFailure("stop the stack first (./pipeline down); still running: " + running);
        }
        Path home = stack.settings().home();
        if (!Files.exists(home)) {
            context.out().println("Nothing to reset: " + home + " does not exist.");
            return 0;
        }
        if (args.isEmpty()) {
            if (System.console() == null) {
                throw new CommandFailure("reset deletes " + home + "; confirm with ./pipeline reset --yes");
            }
            String answer = System.console().readLine("Delete all data and logs in %s? [y/N] ", home);
            if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                context.out().println("Nothing deleted.");
                return 0;
            }
        }
        try {
            HomeFolder.delete(home);
        } catch (UncheckedIOException e) {
            throw new CommandFailure(e.getMessage());
        }
        context.out().println("Deleted " + home + ".");
        return 0;
    }
}
