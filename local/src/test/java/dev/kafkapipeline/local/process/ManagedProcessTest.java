package dev.kafkapipeline.local.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {
    @TempDir
    Path dir;
    private ManagedProcess process;

    private ManagedProcess process(String marker) {
        process = new ManagedProcess("sleeper", dir.resolve("run/sleeper.pid"), dir.resolve("logs/sleeper.log"), marker);
        return process;
    }

    /**
     * bash -c SCRIPT MARKER: the marker becomes $0, so it is on the command
     * line without disturbing the script. Scripts end in "& wait" because bash
     * execs a plain last command, which would drop the marker.
     */
    private static List<String> bash(String script, String marker) {
        return List.of("bash", "-c", script, marker);
    }

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.kill();
        }
    }

    @Test
    void aStartedProcessIsFoundByItsPidFileFromAnotherInstanceAndStopsOnSigterm() throws Exception {
        String marker = "-Dpipeline.service=sleeper@" + dir;
        ProcessHandle handle = process(marker).start(bash("echo hello; sleep 60 & wait", marker), Map.of(), true, dir);
        Path log = dir.resolve("logs/sleeper.log");
        assertTrue(dev.kafkapipeline.local.stack.Poll.until(() -> readQuietly(log).contains("hello"), Duration.ofSeconds(10), Duration.ofMillis(50)),
                "output goes to the log file");
        ManagedProcess elsewhere = new ManagedProcess("sleeper", dir.resolve("run/sleeper.pid"), dir.resolve("logs/sleeper.log"), marker);
        assertTrue(dev.kafkapipeline.local.stack.Poll.until(() -> elsewhere.running().isPresent(), Duration.ofSeconds(10), Duration.ofMillis(50)),
                "a second instance, as ./pipeline down would make, finds the process by pid file and marker");
        assertEquals(handle.pid(), elsewhere.running().get().pid());

        assertFalse(elsewhere.stop(Duration.ofSeconds(10)), "sleep ends on SIGTERM, no SIGKILL needed");
        assertFalse(handle.isAlive());
        assertFalse(Files.exists(dir.resolve("run/sleeper.pid")));
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void aProcessIgnoringSigtermIsKilledAfterTheGracePeriodWithItsChildren() throws Exception {
        String marker = "-Dpipeline.service=stubborn@" + dir;
        ProcessHandle handle = process(marker).start(bash("trap '' TERM; sleep 60 & wait; sleep 60", marker), Map.of(), true, dir);
        assertTrue(dev.kafkapipeline.local.stack.Poll.until(() -> handle.descendants().findAny().isPresent(), Duration.ofSeconds(10), Duration.ofMillis(50)));
        List<ProcessHandle> children = handle.descendants().toList();

        assertTrue(process.stop(Duration.ofMillis(500)), "it had to be killed");
        assertFalse(handle.isAlive());
        assertTrue(dev.kafkapipeline.local.stack.Poll.until(() -> children.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(5), Duration.ofMillis(50)),
                "no child is left behind");
    }

    @Test
    void aPidFileNamingAnotherProgramIsStaleAndThatProgramIsNeverSignalled() throws Exception {
        process("-Dpipeline.service=ghost@" + dir);
        Files.createDirectories(dir.resolve("run"));
        // Our own pid: alive, but without the marker, as after the kernel reused a dead service's pid.
        Files.writeString(dir.resolve("run/sleeper.pid"), Long.toString(ProcessHandle.current().pid()));
        assertTrue(process.hasStalePidFile());
        assertTrue(process.running().isEmpty());
        assertFalse(process.stop(Duration.ofSeconds(1)));
        assertTrue(ProcessHandle.current().isAlive());
        assertFalse(Files.exists(dir.resolve("run/sleeper.pid")), "the stale pid file is gone");
    }

    /** A child that must not see the user's variables (the Connect worker) is given its own alone. */
    @Test
    void aProcessStartedWithoutInheritingGetsOnlyTheVariablesItIsGiven() throws Exception {
        String marker = "-Dpipeline.service=sleeper@" + dir;
        String inherited = System.getenv().keySet().stream().filter(n -> !n.equals("PATH")).findFirst()
                .orElseThrow(() -> new AssertionError("this JVM has no variable but PATH to leave out"));
        ProcessHandle handle = process(marker).start(bash("sleep 60 & wait", marker),
                Map.of("PATH", System.getenv("PATH"), "ONLY_THIS", "1"), false, dir);

        String environ = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "environ"));
        List<String> names = java.util.Arrays.stream(environ.split("\0")).map(e -> e.substring(0, e.indexOf('='))).toList();
        assertTrue(names.containsAll(List.of("PATH", "ONLY_THIS")), names.toString());
        assertFalse(names.contains(inherited), inherited + " of this JVM reached the child: " + names);
    }

    @Test
    void aCommandWithoutItsMarkerIsRefused() {
        process("-Dpipeline.service=x@" + dir);
        assertThrows(IllegalArgumentException.class, () -> process.start(List.of("true"), Map.of(), true, dir));
    }
}
