package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.stack.StackSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of {@code ./pipeline ARGS} in this JVM, with what it printed. */
record CommandRun(int code, String out, String err) {
    static CommandRun of(EnvConfig env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new PipelineCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, StackSettings.findRepository()).run(args);
        CommandRun run = new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.print(run.out());
        System.out.print(run.err());
        return run;
    }
}
