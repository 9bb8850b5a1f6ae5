package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.stack.NativeStack;
import java.util.ArrayList;
import java.util.List;

/** {@code ./pipeline render}: data-vis's RenderCommand, in a JVM of its own, against the stack's Cassandra. */
final class Render implements Subcommand {
    @Override
    public String name() {
        return "render";
    }

    @Override
    public String arguments() {
        return "[--session KEY] [--drivers VER,LEC] [--out DIR]";
    }

    @Override
    public String help() {
        return "redraw lap_time.png, tyre_strategy.png and weather.png in img/ (or DIR) from Cassandra";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        NativeStack stack = context.stack();
        RunningStack.require(stack, List.of("cassandra"));
        // RenderCommand takes the last --out it is given, so the user's beats this default.
        List<String> renderArgs = new ArrayList<>(List.of("--out", context.repository().resolve("img").toString()));
        renderArgs.addAll(args);
        // A short run: the JIT's first tier is all it has time to use.
        return ForegroundJvm.run(context, "data-vis", List.of("-XX:TieredStopAtLevel=1"), "dev.kafkapipeline.vis.RenderCommand",
                renderArgs, stack.clientEnvironment());
    }
}
