package dev.kafkapipeline.common.service;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Runs a service the same way for every {@code main} and every in-process
 * test: configuration, then service, then its run, then an {@link ExitStatus}.
 *
 * <ul>
 * <li>A ConfigException, from the factory or later from the run, is a bad
 *     configuration: one line naming the variable, no stack trace, status 2.</li>
 * <li>The service runs in a thread of its own. Returning is done (0); throwing
 *     is failed (1), a {@link ServiceFailure} logged in one line, anything else
 *     with its stack trace.</li>
 * <li>{@link #stop()} (what SIGTERM and SIGINT call in {@link #runAndExit()}, or
 *     a test) asks the service to stop, and asks again every 200 ms until its run
 *     returns; a run that returns, having flushed or committed what it had in
 *     hand, is done (0). A stop during start-up, before the service exists, means
 *     it never runs: also 0. A service still running {@link #STOP_GRACE} after
 *     the request has failed to stop (1).</li>
 * </ul>
 *
 * A runner runs its service once; make a new one for another run.
 */
public final class ServiceRunner {
    /** A backstop only: the producer's flush and the consumers' SHUTDOWN_GRACE end well before it. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration STOP_REPEAT = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private final String name;
    private final ServiceFactory factory;
    private final Duration stopGrace;
    private volatile boolean stopRequested;
    private volatile long stopRequestedNanos;
    /** Set once the factory built it, unless a stop came first; guarded by this, as is the stop request. */
    private Service service;

    /** @param name the service's name, for its thread and log lines ("faker-producer") */
    public ServiceRunner(String name, ServiceFactory factory) {
        this(name, factory, STOP_GRACE);
    }

    ServiceRunner(String name, ServiceFactory factory, Duration stopGrace) {
        this.name = name;
        this.factory = factory;
        this.stopGrace = stopGrace;
    }

    /**
     * A service's {@code main}: SIGTERM and SIGINT call {@link #stop()} (handled
     * signals, so the JVM does not start shutting down under the service), the
     * configuration is the process environment, and the JVM exits with the status.
     */
    public void runAndExit() {
        for (String signal : List.of("TERM", "INT")) {
            Signal.handle(new Signal(signal), received -> {
                LOG.info("SIG{}: stopping {}", received.getName(), name);
                stop();
            });
        }
        System.exit(run(EnvConfig.fromEnvironment()).status().code());
    }

    /**
     * Configures, runs and ends the service in this JVM; returns when it has
     * ended, having left its {@link OutcomeFile} line. Never exits the JVM.
     */
    public ServiceExit run(EnvConfig env) {
        Service created;
        try {
            created = factory.create(env);
        } catch (RuntimeException e) {
            return recorded(env, ended(e), "");
        }
        synchronized (this) {
            if (stopRequested) {
                return recorded(env, ended(null), "");
            }
            service = created;
        }
        return recorded(env, runToEnd(created), created.summary());
    }

    private static ServiceExit recorded(EnvConfig env, ServiceExit exit, String summary) {
        OutcomeFile.write(env, exit.status() == ExitStatus.DONE
                ? "done " + (summary.isEmpty() ? exit.message() : summary)
                : "failed " + exit.status().code() + " " + exit.message());
        return exit;
    }

    private ServiceExit runToEnd(Service created) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                created.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, name);
        worker.start();
        return awaitEnd(worker, created).orElseGet(() -> ended(failure.get()));
    }

    /** Asks the service to stop; returns at once. Safe from any thread, before, during or after {@link #run}. */
    public void stop() {
        Service current;
        synchronized (this) {
            if (!stopRequested) {
                stopRequestedNanos = System.nanoTime();
                stopRequested = true;
            }
            current = service;
        }
        if (current != null) {
            current.stop();
        }
    }

    /** Waits for the worker, repeating a requested stop; the exit if it outlived the grace, else empty. */
    private Optional<ServiceExit> awaitEnd(Thread worker, Service running) {
        boolean interrupted = false;
        try {
            while (worker.isAlive()) {
                try {
                    worker.join(STOP_REPEAT.toMillis());
                } catch (InterruptedException e) {
                    // Whoever interrupts the thread that waits for the service wants the service stopped.
                    interrupted = true;
                    stop();
                }
                if (worker.isAlive() && stopRequested) {
                    if (System.nanoTime() - stopRequestedNanos > stopGrace.toNanos()) {
                        String message = name + " did not stop within " + stopGrace.toSeconds() + " s of being asked to";
                        LOG.error(message);
                        return Optional.of(new ServiceExit(ExitStatus.FAILED, message));
                    }
                    running.stop();
                }
            }
            return Optional.empty();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ServiceExit ended(Throwable failure) {
        if (failure == null || failure instanceof InterruptedException && stopRequested) {
            String message = name + (stopRequested ? " stopped" : " done");
            LOG.info(message);
            return new ServiceExit(ExitStatus.DONE, message);
        }
        if (failure instanceof ConfigException) {
            String message = "bad configuration: " + ServiceFailure.oneLine(failure.getMessage());
            LOG.error(message);
            return new ServiceExit(ExitStatus.BAD_CONFIGURATION, message);
        }
        if (failure instanceof ServiceFailure) {
            String message = ServiceFailure.oneLine(failure.getMessage());
            LOG.error(message);
            return new ServiceExit(ExitStatus.FAILED, message);
        }
        String message = name + " failed: " + failure;
        LOG.error(message, failure);
        return new ServiceExit(ExitStatus.FAILED, message);
    }
}
