package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.stack.StackSettings;
import dev.kafkapipeline.local.stack.StackStartException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./pipeline COMMAND}: finds the subcommand and runs it. Exit codes: 0
 * done, 1 failed, 2 wrong usage; a failure is one line on stderr.
 */
public final class PipelineCommand {
    static final List<Subcommand> SUBCOMMANDS = List.of(new Up(), new Down(), new Status(), new Cql(), new Cqlsh(), new Logs(),
            new Reset(), new Render(), new Bench(), new Chaos(), new Laps());
    private static final int HELP_COLUMN = 28;

    private final PrintStream out;
    private final PrintStream err;
    private final EnvConfig env;
    private final Path repository;

    /** A run in this JVM: the environment given here, not the process's, decides the stack (tests run the CLI this way). */
    public PipelineCommand(PrintStream out, PrintStream err, EnvConfig env, Path repository) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.repository = repository;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new PipelineCommand(System.out, System.err, EnvConfig.fromEnvironment(), StackSettings.findRepository()).run(args);
        } catch (IllegalStateException e) {
            System.err.println("pipeline: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    /** Runs {@code ./pipeline ARGS}; returns the exit code. */
    public int run(String... args) {
        if (args.length == 0) {
            err.print(usage());
            return 2;
        }
        if (List.of("help", "-h", "--help").contains(args[0])) {
            out.print(usage());
            return 0;
        }
        Optional<Subcommand> subcommand = SUBCOMMANDS.stream().filter(s -> s.name().equals(args[0])).findFirst();
        if (subcommand.isEmpty()) {
            err.println("pipeline: unknown command '" + args[0] + "'");
            err.print(usage());
            return 2;
        }
        try {
            return subcommand.get().run(Arrays.asList(args).subList(1, args.length), new CommandContext(out, err, env, repository));
        } catch (UsageError e) {
            err.println("pipeline: " + e.getMessage());
            err.println("usage: ./pipeline " + synopsis(subcommand.get()));
            return 2;
        } catch (CommandFailure | StackStartException | ConfigException e) {
            err.println("pipeline: " + e.getMessage());
            return 1;
        }
    }

    /** The usage text, one entry a subcommand, from what each declares. */
    static String usage() {
        StringBuilder text = new StringBuilder("usage: ./pipeline COMMAND\n\n");
        for (Subcommand subcommand : SUBCOMMANDS) {
            String synopsis = synopsis(subcommand);
            text.append("  ").append(synopsis);
            if (synopsis.length() < HELP_COLUMN - 1) {
                text.append(" ".repeat(HELP_COLUMN - synopsis.length()));
            } else {
                text.append('\n').append(" ".repeat(HELP_COLUMN + 2));
            }
            text.append(subcommand.help()).append('\n');
        }
        text.append("  help").append(" ".repeat(HELP_COLUMN - 4)).append("this text\n");
        return text.toString();
    }

    private static String synopsis(Subcommand subcommand) {
        return subcommand.arguments().isEmpty() ? subcommand.name() : subcommand.name() + " " + subcommand.arguments();
    }
}
