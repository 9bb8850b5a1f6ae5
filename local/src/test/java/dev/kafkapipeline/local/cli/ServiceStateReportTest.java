package dev.kafkapipeline.local.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.Poll;
import dev.kafkapipeline.local.stack.ServiceOutcome;
import dev.kafkapipeline.local.stack.StackSettings;
import dev.kafkapipeline.local.status.Part;
import dev.kafkapipeline.local.status.StackStatus;
import dev.kafkapipeline.local.status.StatusCollector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status tells a service that finished its work from one that failed, from
 * what each wrote to its outcome file (PIPELINE_OUTCOME_FILE) before it
 * exited. Stand-ins write the files as the project's service runner does.
 * The services' modules need not be built (CI runs this before building
 * them): a service that left an outcome or a pid file is reported anyway.
 */
class ServiceStateReportTest {
    @TempDir
    Path home;

    @Test
    void aProducerThatFinishedIsDoneAndOneThatFailedShowsItsExitCodeAndTheEndOfItsLog() {
        StackSettings settings = StackSettings.forCommandLine(EnvConfig.fromEnvironment().with(Map.of("PIPELINE_HOME", home.toString())),
                StackSettings.findRepository());
        NativeStack stack = NativeStack.of(settings, line -> { });
        runToTheEnd(stack, settings, "fastf1", "echo 'laps sent 846 of 846'; echo 'done 846 laps sent' > \"$PIPELINE_OUTCOME_FILE\"");
        runToTheEnd(stack, settings, "weather", "echo 'ERROR no route to api.openweathermap.org'; "
                + "echo 'failed 1 no weather service answered' > \"$PIPELINE_OUTCOME_FILE\"; exit 1");
        runToTheEnd(stack, settings, "faker", "echo 'killed before it could say a word'; exit 137");

        String report = StatusReport.render(new StackStatus(new StatusCollector(stack, Duration.ofSeconds(1)).services(),
                new Part.Down<>("Kafka is down"), new Part.Down<>("Connect is down"), new Part.Down<>("Cassandra is down")));

        assertLine(report, "fastf1\\s+\\| -\\s+\\| done, 846 laps sent\\s+\\| -> topic fastf1");
        assertLine(report, "weather\\s+\\| -\\s+\\| exited 1\\s+\\| -> topic weather");
        assertLine(report, "weather: no weather service answered; its log ends: ERROR no route to api.openweathermap.org \\(./pipeline logs weather\\)");
        assertLine(report, "faker\\s+\\| -\\s+\\| exited \\(no outcome recorded\\)\\s+\\| -> topic faker");
        assertLine(report, "faker: its log ends: killed before it could say a word \\(./pipeline logs faker\\)");
        assertFalse(Pattern.compile("(?m)^consumers .*(done|exited)").matcher(report).find(), "consumers never ran here:\n" + report);
    }

    /** Runs a stand-in for the service as the stack does (pid file, log, marker, outcome variable) until it exits. */
    private static void runToTheEnd(NativeStack stack, StackSettings settings, String service, String script) {
        ManagedProcess process = stack.process(service);
        ProcessHandle handle = process.start(List.of("bash", "-c", script, process.marker()),
                Map.of("PIPELINE_OUTCOME_FILE", ServiceOutcome.fileOf(settings, service).toString()), settings.home());
        assertTrue(Poll.until(() -> !handle.isAlive(), Duration.ofSeconds(10), Duration.ofMillis(50)), service + " ended");
    }

    private static void assertLine(String report, String line) {
        assertTrue(Pattern.compile("(?m)^" + line + "$").matcher(report).find(), "no line " + line + " in\n" + report);
    }
}
