package dev.kafkapipeline.local.chaos;

import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consumers service (its own main class, unchanged) as a process of the
 * fault run, with the consumers path's keyspace and group, so that it can be
 * killed as a crash would kill it. Its log is logs/chaos-consumers.log; a
 * cluster's run has two members of the group, chaos-consumers-1 and -2.
 */
final class ConsumersProcess {
    static final String NAME = "chaos-consumers";
    private static final String MAIN_CLASS = "dev.kafkapipeline.consumers.ConsumersMain";

    private final ManagedProcess process;
    private final String classpath;
    private final Map<String, String> environment;
    private final Path workingDirectory;

    /** @param name {@link #NAME}, or a member's ({@code chaos-consumers-2}) */
    ConsumersProcess(StackSettings settings, String name, String classpath, Map<String, String> environment) {
        this.process = new ManagedProcess(name, settings.runDirectory().resolve(name + ".pid"),
                settings.logDirectory().resolve(name + ".log"), "-Dpipeline.service=" + name + "@" + settings.home());
        this.classpath = classpath;
        this.environment = Map.copyOf(environment);
        this.workingDirectory = settings.repository();
    }

    void start() {
        if (process.running().isPresent()) {
            throw new IllegalStateException(process.name() + " is already running (pid " + process.running().get().pid()
                    + "): another fault run is under way on this stack");
        }
        process.forgetStalePidFile();
        process.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), process.marker(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath, MAIN_CLASS), environment, workingDirectory);
    }

    Optional<ProcessHandle> running() {
        return process.running();
    }

    void kill() {
        process.kill();
    }

    /** SIGTERM: the service writes and commits the batch in hand and exits. */
    void stop(Duration grace) {
        process.stop(grace);
    }

    Path logFile() {
        return process.logFile();
    }

    String name() {
        return process.name();
    }
}
