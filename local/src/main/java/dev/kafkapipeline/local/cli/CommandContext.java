package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.StackSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a subcommand runs with: where it prints, the environment it was given and the repository it runs. */
record CommandContext(PrintStream out, PrintStream err, EnvConfig env, Path repository) {

    StackSettings settings() {
        return StackSettings.forCommandLine(env, repository);
    }

    /** The stack {@code ./pipeline} runs; its progress lines go to {@link #out}. */
    NativeStack stack() {
        return NativeStack.of(settings(), out::println);
    }

    CommandContext with(Map<String, String> variables) {
        return new CommandContext(out, err, env.with(variables), repository);
    }
}
