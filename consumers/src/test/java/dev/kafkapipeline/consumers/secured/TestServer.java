package dev.kafkapipeline.consumers.secured;

import dev.kafkapipeline.local.process.LogTail;
import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.process.ModuleClasspath;
import dev.kafkapipeline.local.stack.Poll;
import dev.kafkapipeline.local.stack.Ports;
import dev.kafkapipeline.local.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A server JVM that a test starts for itself, from the server's node module
 * (its exported classpath), with a folder and a log of its own. It is stopped
 * by {@link #close()}, or by a shutdown hook should the test JVM end first.
 */
abstract class TestServer implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final String name;
    protected final Path home;
    protected final ModuleClasspath classpath;
    private final ManagedProcess process;
    private final Thread stopAtExit;

    TestServer(String name, Path home, String module) {
        this.name = name;
        this.home = home;
        Path repository = StackSettings.findRepository();
        this.classpath = ModuleClasspath.of(repository.resolve(module))
                .orElseThrow(() -> new IllegalStateException(module + " is not built: run the build through Maven"));
        this.process = new ManagedProcess(name, home.resolve(name + ".pid"), log(), "-Dpipeline.test-server=" + name + "@" + home);
        this.stopAtExit = new Thread(() -> process.stop(STOP_GRACE), name + "-stop");
    }

    public final Path log() {
        return home.resolve(name + ".log");
    }

    /**
     * Starts {@code java <marker> -Xmx<heap> <options> -cp <module classpath> <main> <args>}
     * once nothing else answers on the server's ports, so a clash is named as such.
     */
    protected final void launch(List<Integer> ports, String heap, List<String> jvmOptions, String mainClass, List<String> args) {
        for (int port : ports) {
            if (Ports.accepts(port)) {
                throw new IllegalStateException(name + ": another process already listens on 127.0.0.1:" + port);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                process.marker(), "-Xms" + heap, "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath.classpath(), mainClass));
        command.addAll(args);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        process.start(command, Map.of(), home);
    }

    /** The server's own configuration file beside its log, in its module's target/classes. */
    protected final Path moduleResource(String file) {
        return classpath.module().resolve("target/classes").resolve(file);
    }

    /** Polls a real condition until it holds; fails at once, with the log's end, if the server has died. */
    protected final void awaitReady(Duration timeout, BooleanSupplier ready) {
        boolean readyInTime = Poll.until(() -> {
            if (process.running().isEmpty()) {
                throw new IllegalStateException(name + " exited while starting; " + log() + " ends:\n" + tail());
            }
            return ready.getAsBoolean();
        }, timeout, Duration.ofMillis(500));
        if (!readyInTime) {
            throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s; " + log() + " ends:\n" + tail());
        }
    }

    private String tail() {
        return String.join("\n", LogTail.lastLines(log(), 30));
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // The JVM is already shutting down (the hook runs anyway), or the server was never launched.
        }
    }
}
