package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.process.LogTail;
import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.process.ModuleClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One native stack shared by several processes, kept up for as long as any of
 * its owners lives. A Maven build runs each module's tests in a JVM of its own,
 * one module after the other: the first JVM that needs the stack starts a
 * keeper process, the others attach to it, and the keeper stops the stack once
 * every owner (the Maven process) has ended, even when the build fails or is
 * killed. Starting the servers once instead of once per module is most of what
 * the test suite used to spend.
 *
 * <p>The keeper's state lives in the stack's home: {@code keeper/state}
 * (STARTING, READY, FAILED and why, STOPPING) and one file per owner pid in
 * {@code keeper/owners}. Decisions that read and change them take a file lock
 * beside the home ({@code <home>.lock}), so an owner never attaches to a
 * keeper that is about to stop.
 */
public final class StackKeeper {
    private static final String NAME = "keeper";
    private static final Duration OWNER_CHECK = Duration.ofSeconds(1);

    private enum State { STARTING, READY, FAILED, STOPPING }

    private final StackSettings settings;

    private StackKeeper(StackSettings settings) {
        this.settings = settings;
    }

    private static final String CLUSTER = "--cluster";

    /** The keeper's side: {@code java ... StackKeeper HOME [--cluster]}, started by {@link #attach}. */
    public static void main(String[] args) {
        EnvConfig env = EnvConfig.fromEnvironment();
        Path repository = StackSettings.findRepository();
        StackSettings settings = args.length > 1 && args[1].equals(CLUSTER)
                ? StackSettings.forClusterTests(env, repository, Path.of(args[0]))
                : StackSettings.forTests(env, repository, Path.of(args[0]));
        System.exit(new StackKeeper(settings).keep());
    }

    /**
     * Makes sure a keeper runs the stack of these settings and that {@code owner}
     * counts as one of its owners, then waits until the stack is ready.
     *
     * @return the stack, for the caller to use (its processes belong to the keeper)
     * @throws StackStartException when the stack cannot start; the message holds the keeper's log tail
     */
    public static NativeStack attach(StackSettings settings, long owner, Consumer<String> progress) {
        StackKeeper keeper = new StackKeeper(settings);
        keeper.attachOwner(owner, progress);
        keeper.awaitReady();
        return NativeStack.of(settings, progress);
    }

    private void attachOwner(long owner, Consumer<String> progress) {
        withLock(() -> {
            Optional<ProcessHandle> running = process().running();
            State state = state();
            if (running.isPresent() && (state == State.STARTING || state == State.READY)) {
                addOwner(owner);
                progress.accept("attached to the shared test stack in " + settings.home() + " (keeper pid " + running.get().pid() + ")");
                return;
            }
            running.ifPresent(handle -> handle.onExit().join());
            // A keeper that was killed leaves its servers running: stop them by their pid files before starting afresh.
            NativeStack.of(settings, line -> { }).down();
            HomeFolder.delete(settings.home());
            addOwner(owner);
            writeState(State.STARTING, "");
            ModuleClasspath local = ModuleClasspath.of(settings.module("local")).orElseThrow(() -> new StackStartException(
                    "module local is not built: run ./mvnw -q -DskipTests package"));
            ManagedProcess process = process();
            List<String> command = JvmCommand.of(process.marker(), "256m", List.of("-XX:+UseSerialGC", "-Dpipeline.root=" + settings.repository(),
                            "-Dlogback.configurationFile=" + settings.module("local/target/classes/pipeline-logback.xml")),
                    local, StackKeeper.class.getName(), settings.topology().isCluster()
                            ? List.of(settings.home().toString(), CLUSTER) : List.of(settings.home().toString()));
            ProcessHandle handle = process.start(command, Map.of(), settings.repository());
            progress.accept("started the shared test stack in " + settings.home() + " (keeper pid " + handle.pid() + ", log " + process.logFile() + ")");
        });
    }

    /** A cluster's nodes join its ring one after the other, each within the start timeout. */
    private Duration startDeadline() {
        return settings.startTimeout().multipliedBy(settings.topology().cassandraNodes()).plusSeconds(60);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startDeadline().toNanos();
        while (System.nanoTime() < deadline) {
            State state = state();
            if (state == State.READY) {
                return;
            }
            if (state == State.FAILED || process().running().isEmpty()) {
                throw new StackStartException("the shared test stack did not start: " + stateDetail() + tail());
            }
            Poll.pause(Duration.ofMillis(250));
        }
        throw new StackStartException("the shared test stack was not ready after " + startDeadline().toSeconds() + " s" + tail());
    }

    private String tail() {
        StringBuilder text = new StringBuilder("; log: " + process().logFile());
        for (String line : LogTail.lastLines(process().logFile(), 20)) {
            text.append("\n    ").append(line);
        }
        return text.toString();
    }

    private int keep() {
        NativeStack stack = NativeStack.of(settings, System.out::println);
        Thread stopOnSignal = new Thread(stack::down, "keeper-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            stack.up();
        } catch (RuntimeException e) {
            writeState(State.FAILED, String.valueOf(e.getMessage()));
            return 1;
        }
        writeState(State.READY, "");
        System.out.println("keeper: the stack is ready; it stops when no owner is left");
        while (true) {
            Poll.pause(OWNER_CHECK);
            boolean lastOwnerGone = withLock(() -> {
                if (!liveOwners().isEmpty()) {
                    return false;
                }
                writeState(State.STOPPING, "");
                return true;
            });
            if (lastOwnerGone) {
                System.out.println("keeper: no owner left; stopping the stack");
                stack.down();
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
                return 0;
            }
        }
    }

    /** Owners whose process still runs; files of ended owners are removed. */
    private List<Long> liveOwners() {
        List<Long> live = new ArrayList<>();
        try (Stream<Path> files = Files.list(ownersFolder())) {
            for (Path file : files.toList()) {
                long pid = Long.parseLong(file.getFileName().toString());
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    live.add(pid);
                } else {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return live;
    }

    private void addOwner(long pid) {
        try {
            Files.createDirectories(ownersFolder());
            Files.writeString(ownersFolder().resolve(Long.toString(pid)), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ManagedProcess process() {
        return new ManagedProcess(NAME, settings.runDirectory().resolve(NAME + ".pid"), settings.logDirectory().resolve(NAME + ".log"),
                "-Dpipeline.service=" + NAME + "@" + settings.home());
    }

    private Path ownersFolder() {
        return settings.home().resolve("keeper/owners");
    }

    private Path stateFile() {
        return settings.home().resolve("keeper/state");
    }

    private State state() {
        String text = stateText();
        String word = text.isEmpty() ? "" : text.split(" ", 2)[0];
        for (State state : State.values()) {
            if (state.name().equals(word)) {
                return state;
            }
        }
        return State.STOPPING;
    }

    private String stateDetail() {
        String[] parts = stateText().split(" ", 2);
        return parts.length > 1 ? parts[1] : "the keeper exited";
    }

    private String stateText() {
        try {
            return Files.exists(stateFile()) ? Files.readString(stateFile(), StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void writeState(State state, String detail) {
        try {
            Files.createDirectories(stateFile().getParent());
            Path next = stateFile().resolveSibling("state.next");
            Files.writeString(next, (state.name() + " " + detail).strip() + "\n", StandardCharsets.UTF_8);
            Files.move(next, stateFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void withLock(Runnable action) {
        withLock(() -> {
            action.run();
            return null;
        });
    }

    private <T> T withLock(java.util.function.Supplier<T> action) {
        Path lockFile = settings.home().resolveSibling(settings.home().getFileName() + ".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }
}
