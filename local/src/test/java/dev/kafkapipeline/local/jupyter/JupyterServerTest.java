package dev.kafkapipeline.local.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts Debian's Jupyter Notebook as prepared for the stack; skipped where it is not installed. */
class JupyterServerTest {
    @TempDir
    Path temp;

    @Test
    void serverAnswersWithTheTokenOnlyAndListsTheProjectKernel() throws Exception {
        if (JupyterService.findJupyter().isEmpty()) {
            String reason = "skipped: /usr/bin/jupyter-notebook is missing (apt-get install jupyter-notebook)";
            System.out.println(getClass().getSimpleName() + " " + reason);
            Assumptions.abort(reason);
        }
        int port = 8888 + EnvConfig.fromEnvironment().integer("PIPELINE_TEST_PORT_OFFSET", 10000);
        Path state = temp.resolve("state");
        JupyterLaunch launch = JupyterService.prepare(state, FakeRepo.create(temp.resolve("repo")), port);

        ProcessBuilder builder = new ProcessBuilder(launch.command()).directory(launch.workingDirectory().toFile());
        builder.environment().putAll(launch.environment());
        builder.redirectErrorStream(true).redirectOutput(temp.resolve("jupyter.log").toFile());
        Process jupyter = builder.start();
        try {
            Instant deadline = Instant.now().plusSeconds(60);
            while (!JupyterService.isReady(launch)) {
                assertTrue(jupyter.isAlive(), () -> "jupyter exited: " + log());
                assertTrue(Instant.now().isBefore(deadline), () -> "jupyter not ready in 60 s: " + log());
                jupyter.waitFor(200, TimeUnit.MILLISECONDS);
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> specs = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/kernelspecs?token=" + launch.token())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, specs.statusCode());
            assertTrue(specs.body().contains("\"default\": \"pipeline-java\"") || specs.body().contains("\"default\":\"pipeline-java\""),
                    specs.body());
            HttpResponse<Void> anonymous = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/kernelspecs")).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(403, anonymous.statusCode());
            // The token reached the server (it answers to it), and no command line holds it: ps shows those to every user.
            List<ProcessHandle> processes = new ArrayList<>(List.of(jupyter.toHandle()));
            jupyter.descendants().forEach(processes::add);
            for (ProcessHandle process : processes) {
                String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
                assertFalse(cmdline.contains(launch.token()), "the token is on the command line of pid " + process.pid());
            }
            assertFalse(Files.list(state.resolve("jupyter/runtime")).findAny().isEmpty(), "runtime files stay in the state dir");
        } finally {
            jupyter.destroy();
            if (!jupyter.waitFor(15, TimeUnit.SECONDS)) {
                jupyter.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private String log() {
        try {
            return Files.readString(temp.resolve("jupyter.log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
