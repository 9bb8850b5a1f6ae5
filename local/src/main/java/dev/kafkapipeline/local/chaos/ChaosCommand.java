package dev.kafkapipeline.local.chaos;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.process.ModuleClasspath;
import dev.kafkapipeline.local.stack.NativeStack;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./pipeline chaos [--rate N]}: a fault run on the running stack;
 * prints its table and exits 1 when a key Kafka acknowledged is missing from
 * a path's table, or a path never wrote again after a fault.
 */
public final class ChaosCommand {
    private ChaosCommand() {}

    /** The run's settings: CHAOS_* variables, and --rate N from the command line when given (null when not). */
    public static ChaosSettings settings(EnvConfig env, Integer rate) {
        ChaosSettings settings = ChaosSettings.from(env);
        return rate == null ? settings : settings.withRate(rate);
    }

    public static int run(NativeStack stack, ChaosSettings settings, PrintStream out) {
        String consumers = ModuleClasspath.of(stack.settings().module("consumers")).map(ModuleClasspath::classpath)
                .orElseThrow(() -> new IllegalStateException("module consumers is not built: run ./mvnw -q -DskipTests package"));
        FaultRun run = new FaultRun(stack, settings, consumers, out::println);
        // Ctrl-C must not leave a server killed or the run's consumers behind.
        Thread interrupted = new Thread(run::cleanUp, "chaos-clean-up");
        Runtime.getRuntime().addShutdownHook(interrupted);
        ChaosReport report = run.run();
        Runtime.getRuntime().removeShutdownHook(interrupted);
        out.println();
        out.print(report.table());
        return report.passed() ? 0 : 1;
    }
}
