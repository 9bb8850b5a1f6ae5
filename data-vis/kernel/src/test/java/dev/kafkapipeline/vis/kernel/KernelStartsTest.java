package dev.kafkapipeline.vis.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the kernel 20 times through jupyter_client (a Python child process) and
 * expects 20 answers to a single kernel_info_request each. The stock 3.0.1 main
 * loses roughly one start in four this way.
 */
class KernelStartsTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final int STARTS = 20;
    private static final int SECONDS_PER_START = 30;

    @TempDir
    Path jupyter;

    @Test
    void twentyStartsOutOfTwentyAnswerKernelInfo() throws Exception {
        assumeJupyterClient();
        Path spec = jupyter.resolve("kernels/pipeline-java");
        Files.createDirectories(spec);
        Files.write(spec.resolve("kernel.json"), Json.toBytes(Map.of(
                "argv", List.of(javaExecutable(), "-Djava.awt.headless=true", "-cp", kernelClasspath(),
                        KernelMain.class.getName(), "{connection_file}"),
                "display_name", "Java (pipeline)",
                "language", "java",
                "interrupt_mode", "message")));
        Path script = jupyter.resolve("kernel_starts.py");
        try (InputStream in = KernelStartsTest.class.getResourceAsStream("kernel_starts.py")) {
            Files.copy(in, script);
        }

        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), script.toString(), "pipeline-java",
                String.valueOf(STARTS), String.valueOf(SECONDS_PER_START));
        Map<String, String> env = builder.environment();
        env.put("JUPYTER_PATH", jupyter.toString());
        env.put("JUPYTER_DATA_DIR", jupyter.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", jupyter.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", jupyter.resolve("runtime").toString());
        builder.redirectError(jupyter.resolve("kernels.log").toFile());
        Process process = builder.start();
        try {
            boolean done = process.waitFor((long) STARTS * (SECONDS_PER_START + 15), TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) {
                throw new AssertionError("kernel start loop did not finish; kernel log:\n" + tail(jupyter.resolve("kernels.log")));
            }
            Map<String, Object> result = Json.readObject(output.trim().getBytes(StandardCharsets.UTF_8));
            assertEquals(STARTS, ((Number) result.get("replies")).intValue(),
                    () -> result.get("failures") + "\nkernel log:\n" + tail(jupyter.resolve("kernels.log")));
        } finally {
            process.destroyForcibly();
        }
    }

    private static void assumeJupyterClient() throws IOException, InterruptedException {
        boolean present = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import jupyter_client").start().waitFor() == 0;
        if (!present) {
            String reason = "skipped: /usr/bin/python3 with jupyter_client is missing (apt-get install python3-jupyter-client)";
            System.out.println(KernelStartsTest.class.getSimpleName() + " " + reason);
            Assumptions.abort(reason);
        }
    }

    /** Surefire's test classpath: this module's classes come before the stock kernel jar, as in kernel.json. */
    private static String kernelClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
