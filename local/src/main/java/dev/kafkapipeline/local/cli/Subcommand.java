package dev.kafkapipeline.local.cli;

import java.util.List;

/**
 * One command of {@code ./pipeline}: what the usage text says of it (its name,
 * its arguments, one line of help) and what it does.
 */
interface Subcommand {
    String name();

    /** The arguments as the usage shows them ({@code SERVICE [-n N] [-f]}); empty when it takes none. */
    String arguments();

    /** One line: what it does. */
    String help();

    /**
     * Runs it. A failure the user can act on is a {@link CommandFailure} (exit 1),
     * wrong arguments a {@link UsageError} (exit 2), each one line.
     *
     * @return the exit code: 0 done, 1 failed (a command run in a JVM of its own passes its code on)
     */
    int run(List<String> args, CommandContext context);
}
