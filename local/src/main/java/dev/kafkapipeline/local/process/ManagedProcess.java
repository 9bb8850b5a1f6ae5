package dev.kafkapipeline.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the stack, known by a pid file so that a later
 * {@code ./pipeline down} (another JVM) can find and stop it. Every command
 * carries a marker argument naming the service and the stack's home, and a pid
 * is only trusted while its command line still carries that marker: a stale pid
 * file whose number the kernel gave to another program is never acted on.
 */
public final class ManagedProcess {
    private final String name;
    private final Path pidFile;
    private final Path logFile;
    private final String marker;
    /** The process this instance started, trusted without the marker: right after the spawn the child may not have exec'd yet. */
    private volatile ProcessHandle started;
    private volatile Process startedProcess;

    public ManagedProcess(String name, Path pidFile, Path logFile, String marker) {
        this.name = name;
        this.pidFile = pidFile;
        this.logFile = logFile;
        this.marker = marker;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** The marker argument every command of this process must carry (a -D system property). */
    public String marker() {
        return marker;
    }

    /** Starts the command with this process's variables plus {@code environment}; see the method below. */
    public ProcessHandle start(List<String> command, Map<String, String> environment, Path workingDirectory) {
        return start(command, environment, true, workingDirectory);
    }

    /**
     * Starts the command with its output appended to the log file and its
     * standard input closed. The child is not killed when this JVM exits: that
     * is what lets {@code ./pipeline up} return while the stack keeps running.
     *
     * @param inheritEnvironment whether the child also gets this process's
     *                           variables; if not, it gets {@code environment} alone
     */
    public ProcessHandle start(List<String> command, Map<String, String> environment, boolean inheritEnvironment,
                               Path workingDirectory) {
        if (!command.contains(marker)) {
            throw new IllegalArgumentException("the command of " + name + " lacks its marker " + marker);
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            Files.writeString(logFile, "---- " + java.time.Instant.now() + " starting " + name + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (!inheritEnvironment) {
                builder.environment().clear();
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()) + "\n", StandardCharsets.UTF_8);
            startedProcess = process;
            started = process.toHandle();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The running process this pid file names, if its command line still carries the marker. */
    public Optional<ProcessHandle> running() {
        ProcessHandle own = started;
        if (own != null && own.isAlive()) {
            return Optional.of(own);
        }
        Optional<Long> pid = recordedPid();
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.get())
                .filter(ProcessHandle::isAlive)
                .filter(this::carriesMarker);
    }

    /** The exit code of the process this instance started, once it has ended. */
    public java.util.OptionalInt exitCode() {
        Process process = startedProcess;
        return process == null || process.isAlive() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(process.exitValue());
    }

    /** True when a pid file exists but names no live process of ours. */
    public boolean hasStalePidFile() {
        return recordedPid().isPresent() && running().isEmpty();
    }

    public void forgetStalePidFile() {
        if (hasStalePidFile()) {
            deletePidFile();
        }
    }

    public Optional<Long> recordedPid() {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim()));
        } catch (NumberFormatException e) {
            return Optional.of(-1L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGTERM, then SIGKILL after the grace period; children of the process go
     * the same way. Returns true when the process had to be killed.
     */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> handle = running();
        if (handle.isEmpty()) {
            deletePidFile();
            return false;
        }
        boolean killed = terminate(handle.get(), grace);
        deletePidFile();
        return killed;
    }

    /** SIGKILL at once, as a crash would; the pid file stays, as it would after a crash. */
    public void kill() {
        running().ifPresent(handle -> {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(10));
        });
    }

    static boolean terminate(ProcessHandle handle, Duration grace) {
        List<ProcessHandle> descendants = handle.descendants().toList();
        handle.destroy();
        boolean exited = awaitExit(handle, grace);
        if (!exited) {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(10));
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        return !exited;
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /**
     * Reads /proc/PID/cmdline where there is one: the JDK's
     * ProcessHandle.Info gives no arguments for command lines as long as a
     * server's classpath.
     */
    private boolean carriesMarker(ProcessHandle handle) {
        Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                return java.util.Arrays.asList(Files.readString(cmdline, StandardCharsets.UTF_8).split("\0")).contains(marker);
            } catch (IOException e) {
                return false;
            }
        }
        return handle.info().arguments()
                .map(args -> java.util.Arrays.asList(args).contains(marker))
                .orElse(false);
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
