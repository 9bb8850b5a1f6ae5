package dev.kafkapipeline.testsupport;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.cli.PipelineCommand;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.StackSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A {@code ./pipeline} command run in the test's JVM as a user runs it, its output and errors in the test's log. */
public final class PipelineRun {
    private PipelineRun() {}

    /** What a user's shell would hold to run commands on the test's stack, starting only these project services. */
    public static EnvConfig environment(NativeStack stack, List<String> services) {
        return stack.settings().env().with(Map.of(
                "PIPELINE_HOME", stack.settings().home().toString(),
                "PIPELINE_SERVICES", String.join(",", services)));
    }

    /** The command's exit code. */
    public static int run(EnvConfig env, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new PipelineCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), env, StackSettings.findRepository()).run(args);
        System.out.print(err.toString(StandardCharsets.UTF_8));
        return code;
    }
}
