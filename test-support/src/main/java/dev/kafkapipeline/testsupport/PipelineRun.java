package dev.kafkapipeline.testsupport;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.cli.PipelineCommand;
import dev.kafkapipeline.local.stack.StackSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A {@code ./pipeline} command run in the test's JVM as a user runs it, its output and errors in the test's log. */
public final class PipelineRun {
    private PipelineRun() {}

    /** The command's exit code. */
    public static int run(EnvConfig env, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new PipelineCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), env, StackSettings.findRepository()).run(args);
        System.out.print(err.toString(StandardCharsets.UTF_8));
        return code;
    }
}
