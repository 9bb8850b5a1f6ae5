package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.local.process.LogTail;
import dev.kafkapipeline.local.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the stack's services as child processes: starts a group of them and
 * waits until each is ready (a real check, with PIPELINE_START_TIMEOUT as the
 * deadline), stops them with SIGTERM then SIGKILL, kills them as a crash would.
 */
final class ServiceLauncher {
    private final StackSettings settings;
    private final StackServices services;
    private final StackProgress progress;
    private final Map<String, Object> stopping = new java.util.concurrent.ConcurrentHashMap<>();

    ServiceLauncher(StackSettings settings, StackServices services, StackProgress progress) {
        this.settings = settings;
        this.services = services;
        this.progress = progress;
    }

    /**
     * Starts those of the services that are not running, all at once, and waits
     * until every one is ready. Each one started is added to {@code startedNow}
     * as soon as it is spawned, so that the caller can stop it if a later one fails.
     */
    void startAndAwait(List<String> names, List<String> startedNow) {
        // Liveness during start-up goes by the handle: right after the spawn the
        // child may not have exec'd java yet, so its marker is not visible.
        Map<String, ProcessHandle> waiting = new LinkedHashMap<>();
        for (String name : names) {
            start(name, startedNow).ifPresent(handle -> waiting.put(name, handle));
        }
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (!waiting.isEmpty()) {
            for (String name : List.copyOf(waiting.keySet())) {
                StackService service = services.get(name);
                if (!waiting.get(name).isAlive()) {
                    // A producer of a finite source (F1 laps with SLEEP_TIME=0) may be done before it counts as started.
                    if (service.finishesOnItsOwn() && services.process(name).exitCode().orElse(-1) == 0) {
                        progress.step(name, "finished its work (exit 0)");
                        waiting.remove(name);
                        continue;
                    }
                    throw failure(name, "exited during start");
                }
                if (service.isReady()) {
                    progress.step(name, "ready at " + service.address());
                    waiting.remove(name);
                }
            }
            if (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw failure(waiting.keySet().iterator().next(), "not ready after " + settings.startTimeout().toSeconds()
                            + " s (PIPELINE_START_TIMEOUT)");
                }
                Poll.pause(Duration.ofMillis(500));
            }
        }
    }

    /** Spawns the service unless it runs already; the handle of the new process, or empty. */
    private Optional<ProcessHandle> start(String name, List<String> startedNow) {
        StackService service = services.get(name);
        ManagedProcess process = services.process(name);
        Optional<ProcessHandle> running = process.running();
        if (running.isPresent()) {
            progress.step(name, "already running (pid " + running.get().pid() + ")");
            return Optional.empty();
        }
        if (process.hasStalePidFile()) {
            progress.step(name, "removed a stale pid file (pid " + process.recordedPid().orElse(-1L) + " is not running)");
            process.forgetStalePidFile();
        }
        for (Map.Entry<Endpoint, String> port : service.ports().entrySet()) {
            // A server that has just stopped may hold its port for a moment longer.
            if (!Poll.until(() -> Ports.isFree(port.getKey()), Duration.ofSeconds(5), Duration.ofMillis(250))) {
                String where = port.getKey().host().equals(ServerMember.host(1)) ? "" : " on " + port.getKey().host();
                throw new StackStartException("port " + port.getKey().port() + " (" + port.getValue() + ") is in use by another program"
                        + where + " (ss -ltnp 'sport = :" + port.getKey().port() + "' shows which): stop it, or set that variable to a free port");
            }
        }
        service.prepare();
        ProcessHandle handle = process.start(service.command(process.marker()), service.environment(),
                service.inheritsEnvironment(), settings.repository());
        service.started(handle);
        startedNow.add(name);
        progress.step(name, "started (pid " + handle.pid() + "), log " + process.logFile());
        return Optional.of(handle);
    }

    private StackStartException failure(String name, String what) {
        Path log = services.process(name).logFile();
        StringBuilder message = new StringBuilder(name + " " + what + "; log: " + log);
        for (String line : LogTail.lastLines(log, 15)) {
            message.append("\n    ").append(line);
        }
        return new StackStartException(message.toString());
    }

    /**
     * Stops the named services in the reverse of the given order: the project's
     * services before the servers they use. The members of a kind stop at
     * once: brokers stopped one after the other would lose their controllers'
     * quorum on the way, and the last would wait for it until killed.
     */
    void stopAll(List<String> names) {
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);
        List<List<String>> kinds = new ArrayList<>();
        for (String name : reversed) {
            if (!kinds.isEmpty() && StackServices.sameKind(kinds.get(kinds.size() - 1).get(0), name)) {
                kinds.get(kinds.size() - 1).add(name);
            } else {
                kinds.add(new ArrayList<>(List.of(name)));
            }
        }
        for (List<String> kind : kinds) {
            if (kind.size() == 1) {
                stop(kind.get(0));
                continue;
            }
            List<Thread> threads = new ArrayList<>();
            for (String name : kind) {
                Thread thread = new Thread(() -> stop(name), "stop-" + name);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackStartException("interrupted while stopping " + kind);
                }
            }
        }
    }

    /** SIGTERM, then SIGKILL after the grace period; a stale pid file is removed. */
    void stop(String name) {
        // One stop of a service at a time: Ctrl-C's clean-up may stop what a failed start is stopping.
        synchronized (stopping.computeIfAbsent(name, service -> new Object())) {
            ManagedProcess process = services.process(name);
            if (process.running().isEmpty()) {
                process.forgetStalePidFile();
                return;
            }
            long t0 = System.nanoTime();
            boolean killed = process.stop(settings.stopGrace());
            progress.step(name, (killed ? "killed after " + settings.stopGrace().toSeconds() + " s grace" : "stopped")
                    + " in " + StackProgress.seconds(System.nanoTime() - t0));
        }
    }

    /** SIGKILL, as a crash would. */
    void kill(String name) {
        services.process(name).kill();
        progress.step(name, "killed (SIGKILL)");
    }
}
