package dev.kafkapipeline.common.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ServiceRunnerTest {
    private static final EnvConfig ENV = new EnvConfig(Map.of());
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private final Logger runnerLog = (Logger) LoggerFactory.getLogger(ServiceRunner.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheRunnersLog() {
        logged.start();
        runnerLog.addAppender(logged);
    }

    @AfterEach
    void release() {
        runnerLog.detachAppender(logged);
    }

    @Test
    void theExitCodesAreZeroOneAndTwo() {
        assertEquals(0, ExitStatus.DONE.code());
        assertEquals(1, ExitStatus.FAILED.code());
        assertEquals(2, ExitStatus.BAD_CONFIGURATION.code());
    }

    @Test
    void aServiceThatEndsIsDone() {
        AtomicInteger runs = new AtomicInteger();
        ServiceExit exit = new ServiceRunner("test", env -> new Fake(runs::incrementAndGet)).run(ENV);
        assertEquals(new ServiceExit(ExitStatus.DONE, "test done"), exit);
        assertEquals(1, runs.get());
    }

    @Test
    void eachEndLeavesItsOutcomeLineWhereTheStackAsksForIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("service.outcome");
        EnvConfig env = new EnvConfig(Map.of(OutcomeFile.VARIABLE, file.toString(), "PORT", "ninety"));

        new ServiceRunner("test", e -> new Fake(() -> { }) {
            @Override
            public String summary() {
                return "846 records sent to topic fastf1";
            }
        }).run(env);
        assertEquals("done 846 records sent to topic fastf1\n", java.nio.file.Files.readString(file));

        new ServiceRunner("test", e -> new Fake(() -> {
            throw new ServiceFailure("the archive has no such session");
        })).run(env);
        assertEquals("failed 1 the archive has no such session\n", java.nio.file.Files.readString(file));

        new ServiceRunner("test", e -> {
            e.integer("PORT", 1);
            return new Fake(() -> { });
        }).run(env);
        assertEquals("failed 2 bad configuration: PORT must be a whole number, got 'ninety'\n", java.nio.file.Files.readString(file));
    }

    @Test
    void aBadConfigurationIsOneLineNamingTheVariableAndStatusTwo() {
        AtomicInteger runs = new AtomicInteger();
        ServiceExit exit = new ServiceRunner("test", env -> {
            env.integer("PORT", 1);
            return new Fake(runs::incrementAndGet);
        }).run(new EnvConfig(Map.of("PORT", "ninety")));
        assertEquals(new ServiceExit(ExitStatus.BAD_CONFIGURATION, "bad configuration: PORT must be a whole number, got 'ninety'"), exit);
        assertEquals(0, runs.get(), "never run");
        assertOneLineWithoutStackTrace(exit.message());
    }

    @Test
    void aSettingFoundWrongDuringTheRunIsABadConfigurationToo() {
        ServiceExit exit = new ServiceRunner("test", env -> new Fake(() -> {
            throw new ConfigException("F1_DRIVERS: no driver XYZ in the session");
        })).run(ENV);
        assertEquals(ExitStatus.BAD_CONFIGURATION, exit.status());
        assertOneLineWithoutStackTrace(exit.message());
    }

    @Test
    void aForeseenFailureIsOneLineAndStatusOne() {
        ServiceExit exit = new ServiceRunner("test", env -> new Fake(() -> {
            throw new ServiceFailure("404 Not Found: http://archive/2018/x/SessionInfo.jsonStream");
        })).run(ENV);
        assertEquals(new ServiceExit(ExitStatus.FAILED, "404 Not Found: http://archive/2018/x/SessionInfo.jsonStream"), exit);
        assertOneLineWithoutStackTrace(exit.message());
    }

    @Test
    void aFailureWithACauseOnEachLineIsStillOneLine() {
        ServiceExit exit = new ServiceRunner("test", env -> new Fake(() -> {
            throw new ServiceFailure("2018/Index.json could not be fetched from any archive base:\n  404 Not Found: a\n  404 Not Found: b");
        })).run(ENV);
        assertEquals("2018/Index.json could not be fetched from any archive base:; 404 Not Found: a; 404 Not Found: b", exit.message());
        assertOneLineWithoutStackTrace(exit.message());
    }

    @Test
    void anUnforeseenFailureIsStatusOneWithItsStackTrace() {
        ServiceExit exit = new ServiceRunner("test", env -> new Fake(() -> {
            throw new IllegalStateException("a bug");
        })).run(ENV);
        assertEquals(new ServiceExit(ExitStatus.FAILED, "test failed: java.lang.IllegalStateException: a bug"), exit);
        assertNotNull(last().getThrowableProxy(), "the stack trace is logged");
    }

    @Test
    void stopAsksTheServiceToStopAndAStoppedServiceIsDone() throws Exception {
        Fake service = new Fake(() -> { });
        service.blockUntilStopped = true;
        ServiceRunner runner = new ServiceRunner("test", env -> service);
        CompletableFuture<ServiceExit> exit = CompletableFuture.supplyAsync(() -> runner.run(ENV));
        assertTrue(service.started.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
        runner.stop();
        assertEquals(new ServiceExit(ExitStatus.DONE, "test stopped"), exit.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
    }

    /** A library may swallow an interrupt: the stop is repeated until the service notices. */
    @Test
    void stopIsRepeatedUntilTheServiceNotices() throws Exception {
        Fake service = new Fake(() -> { });
        service.blockUntilStopped = true;
        service.stopsIgnored = 3;
        ServiceRunner runner = new ServiceRunner("test", env -> service);
        CompletableFuture<ServiceExit> exit = CompletableFuture.supplyAsync(() -> runner.run(ENV));
        service.started.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
        runner.stop();
        assertEquals(ExitStatus.DONE, exit.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS).status());
        assertTrue(service.stops.get() >= 4, "asked " + service.stops.get() + " times");
    }

    @Test
    void anInterruptedExceptionAfterAStopIsAStop() throws Exception {
        Fake service = new Fake(() -> {
            throw new InterruptedException("stopped while waiting");
        });
        service.blockUntilStopped = true;
        ServiceRunner runner = new ServiceRunner("test", env -> service);
        CompletableFuture<ServiceExit> exit = CompletableFuture.supplyAsync(() -> runner.run(ENV));
        service.started.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
        runner.stop();
        assertEquals(ExitStatus.DONE, exit.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS).status());
    }

    /** As a SIGTERM while Datafaker loads: the service is never run, and that is a clean stop. */
    @Test
    void aStopDuringStartUpMeansTheServiceNeverRunsAndIsDone() throws Exception {
        CountDownLatch configuring = new CountDownLatch(1);
        CountDownLatch stopSent = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ServiceRunner runner = new ServiceRunner("test", env -> {
            configuring.countDown();
            awaitQuietly(stopSent);
            return new Fake(runs::incrementAndGet);
        });
        CompletableFuture<ServiceExit> exit = CompletableFuture.supplyAsync(() -> runner.run(ENV));
        assertTrue(configuring.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
        runner.stop();
        stopSent.countDown();
        assertEquals(new ServiceExit(ExitStatus.DONE, "test stopped"), exit.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, runs.get());
    }

    @Test
    void aServiceThatDoesNotStopWithinTheGraceHasFailed() throws Exception {
        Fake service = new Fake(() -> { });
        service.blockUntilStopped = true;
        service.stopsIgnored = Integer.MAX_VALUE;
        ServiceRunner runner = new ServiceRunner("test", env -> service, Duration.ofMillis(500));
        try {
            CompletableFuture<ServiceExit> exit = CompletableFuture.supplyAsync(() -> runner.run(ENV));
            service.started.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
            runner.stop();
            ServiceExit ended = exit.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
            assertEquals(ExitStatus.FAILED, ended.status());
            assertTrue(ended.message().startsWith("test did not stop within"), ended.message());
        } finally {
            service.stopsIgnored = 0;
            service.stop();
        }
    }

    @Test
    void interruptingTheThreadThatRunsTheRunnerStopsTheService() throws Exception {
        Fake service = new Fake(() -> { });
        service.blockUntilStopped = true;
        ServiceRunner runner = new ServiceRunner("test", env -> service);
        CompletableFuture<ServiceExit> exit = new CompletableFuture<>();
        Thread caller = new Thread(() -> exit.complete(runner.run(ENV)));
        caller.start();
        service.started.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
        caller.interrupt();
        assertEquals(ExitStatus.DONE, exit.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS).status());
    }

    private void assertOneLineWithoutStackTrace(String message) {
        assertFalse(message.contains("\n"), message);
        ILoggingEvent event = last();
        assertEquals(message, event.getFormattedMessage());
        assertNull(event.getThrowableProxy(), "no stack trace");
    }

    private ILoggingEvent last() {
        List<ILoggingEvent> events = logged.list;
        assertFalse(events.isEmpty(), "the runner logged nothing");
        return events.get(events.size() - 1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a test service does in its run, after it started and (if asked) after it was stopped. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /** A service that does {@code work}, optionally only once stopped; it can ignore the first stops, as a library may. */
    private static class Fake implements Service {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicInteger stops = new AtomicInteger();
        final Work work;
        volatile boolean blockUntilStopped;
        volatile int stopsIgnored;

        Fake(Work work) {
            this.work = work;
        }

        @Override
        public void run() throws Exception {
            started.countDown();
            if (blockUntilStopped) {
                stopped.await();
            }
            work.run();
        }

        @Override
        public void stop() {
            if (stops.incrementAndGet() > stopsIgnored) {
                stopped.countDown();
            }
        }
    }
}
