package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.process.LogFollower;
import dev.kafkapipeline.local.process.LogTail;
import dev.kafkapipeline.local.stack.NativeStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./pipeline logs SERVICE [-n N] [-f]}: the end of a service's log. The
 * log of a stopped service is still shown (it tells why it stopped); following
 * one that does not run is refused, since nothing will be added to it.
 */
final class Logs implements Subcommand {
    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String arguments() {
        return "SERVICE [-n N] [-f]";
    }

    @Override
    public String help() {
        return "the last N lines (default 100) of a service's log; -f follows it";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        NativeStack stack = context.stack();
        if (args.isEmpty()) {
            throw new UsageError("logs needs a service: " + String.join(", ", stack.everyServiceName()));
        }
        String service = args.get(0);
        if (!stack.everyServiceName().contains(service)) {
            throw new UsageError("no service named '" + service + "'; services: " + String.join(", ", stack.everyServiceName()));
        }
        int lines = 100;
        boolean follow = false;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-f" -> follow = true;
                case "-n" -> lines = count(args, ++i);
                default -> throw new UsageError("unknown option " + args.get(i));
            }
        }
        Path log = stack.logFile(service);
        if (!Files.exists(log)) {
            throw new CommandFailure("no log of " + service + " yet (" + log + "): the stack has not run it; run ./pipeline up");
        }
        LogTail.lastLines(log, lines).forEach(context.out()::println);
        if (follow) {
            if (stack.process(service).running().isEmpty()) {
                throw new CommandFailure(service + " is not running, so its log will not grow: run ./pipeline up");
            }
            try {
                LogFollower.follow(log, context.out());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return 0;
    }

    private static int count(List<String> args, int index) {
        if (index >= args.size()) {
            throw new UsageError("-n needs a number");
        }
        try {
            return Integer.parseInt(args.get(index));
        } catch (NumberFormatException e) {
            throw new UsageError("-n needs a number, got '" + args.get(index) + "'");
        }
    }
}
