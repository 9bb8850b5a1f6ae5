package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compose's own validation (`config`) of every file it can read. Debian's
 * docker-compose 1.29 knows neither `include` nor `!override`, so it validates
 * the files that run alone; Compose v2 (`docker compose`), where installed,
 * validates the root file with its override too. Needs no engine. The
 * commands start together (docker-compose 1.29 takes seconds to start each).
 */
class ComposeConfigCommandTest {

    private final Repository repository = Repository.locate();

    @TestFactory
    Stream<DynamicTest> composeAcceptsEveryFileItCanRead() throws IOException {
        List<Path> standalone = new ArrayList<>();
        Deployment.SERVICE_FOLDERS.keySet().forEach(f -> standalone.add(repository.resolve(f + "/docker-compose.yml")));
        standalone.add(repository.resolve("docker-compose.cluster.yml"));

        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> compose : List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
            String tool = String.join(" ", compose);
            boolean installed = answers(compose);
            List<List<Path>> runs = new ArrayList<>();
            standalone.forEach(f -> runs.add(List.of(f)));
            if (compose.size() == 2) {
                runs.add(List.of(repository.resolve("docker-compose.yml"), repository.resolve("docker-compose.override.yml")));
            }
            for (List<Path> files : runs) {
                String name = tool + " config " + files.stream().map(repository::relativize).toList();
                Process process = installed ? start(compose, files) : null;
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    Assumptions.assumeTrue(installed, () -> Deployment.report(
                            tool + " is not installed: " + name + " not run"));
                    assertExitsZero(name, process);
                }));
            }
        }
        return tests.stream();
    }

    private Process start(List<String> compose, List<Path> files) throws IOException {
        List<String> command = new ArrayList<>(compose);
        files.forEach(f -> command.addAll(List.of("-f", f.toString())));
        command.addAll(List.of("config", "-q"));
        Process process = new ProcessBuilder(command).directory(repository.root().toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return process;
    }

    private static void assertExitsZero(String name, Process process) throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish within 120 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), name + " said:\n" + output);
    }

    private boolean answers(List<String> compose) {
        List<String> command = new ArrayList<>(compose);
        command.add("version");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
