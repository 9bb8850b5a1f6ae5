package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The whole Docker deployment on a real engine: builds the images, starts the
 * root compose stack (with the local override) as its own project, waits until
 * every Connect sink and its tasks are RUNNING and every table has rows, then
 * removes the project with its volumes. Runs wherever a Docker engine and
 * Compose v2 answer; elsewhere it is skipped and says why. The stack uses the
 * usual container names and ports, so stop your own stack first.
 */
class PipelineSmokeTest {

    private static final String PROJECT = "kafkapipeline-smoke";
    private static final Duration BUILD_AND_START = Duration.ofMinutes(40);
    private static final Duration DATA_ARRIVES = Duration.ofMinutes(15);
    private static final String CONNECT_URL = "http://127.0.0.1:8083";

    private final Repository repository = Repository.locate();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void composeStackFillsAllThreeTablesThroughRunningSinks() throws Exception {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(), () -> Deployment.report(
                "no Docker engine answers (DOCKER_HOST=" + System.getenv("DOCKER_HOST")
                        + "): the compose smoke test is skipped; run it on a machine with Docker"));
        Assumptions.assumeTrue(compose(Duration.ofMinutes(1), "version") == 0, () -> Deployment.report(
                "Docker Compose v2 (`docker compose`) is not installed: the compose smoke test is skipped"));
        List<String> sinks = sinkNames();
        assertFalse(sinks.isEmpty(), "no sink configs in kafka/connect/sinks");
        try {
            assertEquals(0, compose(BUILD_AND_START, "up", "-d", "--build"), "docker compose up");
            Instant deadline = Instant.now().plus(DATA_ARRIVES);
            awaitSinksRunning(sinks, deadline);
            awaitRowsInEveryTable(deadline);
        } finally {
            compose(Duration.ofMinutes(5), "down", "--volumes", "--remove-orphans");
        }
    }

    private List<String> sinkNames() throws IOException {
        try (Stream<Path> files = Files.list(repository.resolve("kafka/connect/sinks"))) {
            List<String> names = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                names.add(String.valueOf(Json.readObject(Files.readAllBytes(file)).get("name")));
            }
            return names;
        }
    }

    private void awaitSinksRunning(List<String> sinks, Instant deadline) throws InterruptedException {
        Map<String, String> states = new LinkedHashMap<>();
        while (true) {
            sinks.forEach(sink -> states.put(sink, sinkState(sink)));
            if (states.values().stream().allMatch("RUNNING"::equals)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Connect sinks not all RUNNING by the deadline: " + states);
            }
            Thread.sleep(5_000);
        }
    }

    /** RUNNING when the connector and every one of its tasks run; otherwise what was seen. */
    @SuppressWarnings("unchecked")
    private String sinkState(String sink) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                    URI.create(CONNECT_URL + "/connectors/" + sink + "/status")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            Map<String, Object> status = Json.readObject(response.body());
            String connector = String.valueOf(((Map<String, Object>) status.get("connector")).get("state"));
            List<Map<String, Object>> tasks = (List<Map<String, Object>>) status.get("tasks");
            boolean tasksRunning = !tasks.isEmpty() && tasks.stream().allMatch(t -> "RUNNING".equals(t.get("state")));
            return connector.equals("RUNNING") && tasksRunning ? "RUNNING" : "connector " + connector + ", tasks " + tasks;
        } catch (IOException e) {
            return "no answer (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void awaitRowsInEveryTable(Instant deadline) throws InterruptedException {
        CassandraSettings settings = CassandraSettings.from(new EnvConfig(Map.of("CASSANDRA_HOST", "127.0.0.1")));
        List<String> tables = List.of(settings.weatherTable(), settings.fakerTable(), settings.fastf1Table());
        try (CqlSession session = CassandraSessions.open(settings)) {
            List<String> empty = tables;
            while (true) {
                empty = tables.stream().filter(t -> session.execute(
                        "SELECT * FROM " + settings.keyspace() + "." + t + " LIMIT 1").one() == null).toList();
                if (empty.isEmpty()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("tables still empty at the deadline: " + empty);
                }
                Thread.sleep(5_000);
            }
        }
    }

    private int compose(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "compose", "-p", PROJECT,
                "-f", "docker-compose.yml", "-f", "docker-compose.override.yml"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(repository.root().toFile()).inheritIO().start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        return process.exitValue();
    }
}
