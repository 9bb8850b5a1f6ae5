package dev.kafkapipeline.local.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code down} stops what the stack's home runs, whatever the selection of the settings that stop it. */
class NativeStackDownTest {
    @TempDir
    Path home;
    private ManagedProcess producer;

    @AfterEach
    void killLeftovers() {
        if (producer != null) {
            producer.kill();
        }
    }

    @Test
    void aServiceLeftOutOfTheSelectionIsStoppedAllTheSame() {
        // A stand-in for the F1 producer that `up` started with PIPELINE_SERVICES=fastf1.
        String marker = StackServices.marker("fastf1", settings("fastf1"));
        producer = new ManagedProcess("fastf1", home.resolve("run/fastf1.pid"), home.resolve("logs/fastf1.log"), marker);
        ProcessHandle handle = producer.start(List.of("bash", "-c", "sleep 60 & wait", marker), Map.of(), home);

        NativeStack.of(settings("none"), line -> { }).down();

        assertTrue(Poll.until(() -> !handle.isAlive(), Duration.ofSeconds(10), Duration.ofMillis(50)), "the producer was stopped");
        assertFalse(home.resolve("run/fastf1.pid").toFile().exists());
    }

    private StackSettings settings(String services) {
        return StackSettings.forCommandLine(EnvConfig.fromEnvironment().with(Map.of(
                "PIPELINE_HOME", home.toString(), "PIPELINE_SERVICES", services, "PIPELINE_STOP_GRACE", "5")), StackSettings.findRepository());
    }
}
