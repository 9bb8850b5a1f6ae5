package dev.kafkapipeline.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.config.EnvConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the stack down, each command that needs it fails in one line that says what fixes it: no stack trace, exit 1. */
class StackDownTest {
    @TempDir
    Path home;

    private CommandRun run(String... args) {
        EnvConfig env = EnvConfig.fromEnvironment().with(Map.of("PIPELINE_HOME", home.toString(),
                "PIPELINE_PORT_OFFSET", Integer.toString(EnvConfig.fromEnvironment().integer("PIPELINE_TEST_PORT_OFFSET", 10000) + 700)));
        return CommandRun.of(env, args);
    }

    private void assertOneLine(String expected, CommandRun run) {
        assertEquals(1, run.code(), run.err());
        assertEquals("pipeline: " + expected + "\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void bench() {
        assertOneLine(RunningStack.NOT_UP, run("bench", "sink"));
    }

    @Test
    void cql() {
        assertOneLine(RunningStack.NOT_UP, run("cql", "select * from kafkapipeline.lapsummary;"));
    }

    @Test
    void cqlsh() {
        assertOneLine(RunningStack.NOT_UP, run("cqlsh"));
    }

    @Test
    void render() {
        assertOneLine(RunningStack.NOT_UP, run("render"));
    }

    @Test
    void status() {
        assertOneLine(RunningStack.NOT_UP, run("status"));
    }

    @Test
    void logsOfAServiceThatNeverRan() {
        assertOneLine("no log of kafka yet (" + home.resolve("logs/kafka.log") + "): the stack has not run it; run ./pipeline up",
                run("logs", "kafka", "-f"));
    }
}
