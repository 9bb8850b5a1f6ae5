package dev.kafkapipeline.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.stack.StackSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ./pipeline command itself, on a stack of its own (ports shifted 500 past
 * the test stack's): failures that must leave nothing running, then
 * up, status, cql and down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineCommandTest {
    private static Path home;
    private static EnvConfig env;
    private static int offset;

    @BeforeAll
    static void settings() {
        EnvConfig base = EnvConfig.fromEnvironment();
        offset = base.integer("PIPELINE_TEST_PORT_OFFSET", 10000) + 500;
        home = Path.of("target/cli-stack").toAbsolutePath();
        env = base.with(Map.of(
                "PIPELINE_PORT_OFFSET", Integer.toString(offset),
                "PIPELINE_HOME", home.toString(),
                "PIPELINE_SERVICES", "none",
                "PIPELINE_STOP_GRACE", "20"));
    }

    @AfterAll
    static void stopWhateverIsLeft() {
        run(env, "down");
    }

    private record Result(int code, String out, String err) {}

    private static Result run(EnvConfig env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new PipelineCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, StackSettings.findRepository()).run(args);
        Result result = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.print(result.out());
        System.out.print(result.err());
        return result;
    }

    /** Processes of this test's stack, found by the marker every child carries. */
    private static List<ProcessHandle> stackProcesses() {
        String marker = "@" + home;
        return ProcessHandle.allProcesses().filter(p -> {
            Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
            try {
                return java.nio.file.Files.readString(cmdline).contains(marker);
            } catch (java.io.IOException e) {
                return false;
            }
        }).toList();
    }

    @Test
    @Order(1)
    void aServiceThatDiesDuringStartFailsUpWithItsLogAndLeavesNothingRunning() {
        Result result = run(env.with(Map.of("PIPELINE_KAFKA_HEAP", "lots")), "up");
        assertEquals(1, result.code());
        assertTrue(result.err().contains("kafka exited during start; log: " + home.resolve("logs/kafka.log")), result.err());
        assertTrue(result.err().contains("Invalid"), "the log tail shows the JVM's complaint: " + result.err());
        assertEquals(List.of(), stackProcesses(), "Cassandra, started alongside, was stopped");
    }

    @Test
    @Order(2)
    void aPortInUseFailsUpWithTheCauseAndLeavesNothingRunning() throws Exception {
        int kafkaPort = 9092 + offset;
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), kafkaPort));
            Result result = run(env, "up");
            assertEquals(1, result.code());
            assertTrue(result.err().contains("port " + kafkaPort + " (Kafka (PIPELINE_KAFKA_PORT)) is in use by another program"), result.err());
        }
        assertEquals(List.of(), stackProcesses());
    }

    @Test
    @Order(3)
    void upStatusCqlAndDownLeaveNoProcessBehind() {
        Result up = run(env, "up");
        assertEquals(0, up.code(), up.err());
        assertTrue(up.out().contains("The pipeline is up."));

        Result status = run(env, "status");
        assertEquals(0, status.code());
        for (String service : List.of("cassandra", "kafka", "connect")) {
            assertTrue(Pattern.compile("(?m)^" + service + "\\s+\\| \\d+\\s+\\| running").matcher(status.out()).find(), status.out());
        }
        assertTrue(Pattern.compile("(?m)^fastf1\\.dlq\\s+\\| 3\\s+\\| 0$").matcher(status.out()).find(), status.out());
        assertTrue(Pattern.compile("(?m)^kafkapipeline\\.lapsummary\\s+\\| 0$").matcher(status.out()).find(), status.out());

        Result cql = run(env, "cql", "use kafkapipeline; insert into weatherreport (location, forecastdate, temp) values ('Adelaide', '2026-11-28T06:00:00Z', 290.5); select location, temp from weatherreport;");
        assertEquals(0, cql.code(), cql.err());
        assertTrue(cql.out().contains("Adelaide | 290.5"), cql.out());
        assertTrue(cql.out().contains("(1 rows)"), cql.out());

        Result down = run(env, "down");
        assertEquals(0, down.code());
        assertEquals(List.of(), stackProcesses(), "down leaves no process of the stack");
        for (int port : List.of(9042 + offset, 9092 + offset, 9093 + offset, 8083 + offset)) {
            assertTrue(isFree(port), "port " + port + " is free again");
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
