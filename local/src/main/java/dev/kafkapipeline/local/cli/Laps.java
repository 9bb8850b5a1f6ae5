package dev.kafkapipeline.local.cli;

import java.util.List;
import java.util.Map;

/**
 * {@code ./pipeline laps}: the F1 module's LapsCommand in a JVM of its own. The
 * pipeline script runs the same class straight away (no CLI JVM first), with
 * the same options, for a CSV in well under a second.
 */
final class Laps implements Subcommand {
    /** A short run: the JIT's first tier and the serial collector start fastest. */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    @Override
    public String name() {
        return "laps";
    }

    @Override
    public String arguments() {
        return "[--archive URL] [--drivers VER,LEC|all] SESSION";
    }

    @Override
    public String help() {
        return "a session's F1 laps as CSV (SESSION: an archive path, or YEAR EVENT SESSION); no Kafka needed";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        return ForegroundJvm.run(context, "f1-producer", JVM_OPTIONS, "dev.kafkapipeline.f1.LapsCommand", args, Map.of());
    }
}
