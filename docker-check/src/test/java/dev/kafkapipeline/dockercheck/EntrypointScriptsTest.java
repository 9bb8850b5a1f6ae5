package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kafkapipeline.common.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images' own scripts, run here with bash against stand-ins for what the
 * image provides: the Connect worker's REST API (an HTTP server in this test)
 * and a Cassandra port; cqlsh (a script that records what it was given).
 */
class EntrypointScriptsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** How long the stand-in worker would run; also how the test tells it apart. */
    private static final String FAKE_WORKER_SECONDS = "611";

    private final Repository repository = Repository.locate();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Instant> putTimes = Collections.synchronizedList(new ArrayList<>());
    private HttpServer rest;
    private ServerSocket cassandra;
    private Process script;

    @TempDir
    Path dir;

    @BeforeEach
    void tools() {
        for (String tool : List.of("bash", "curl", "jq")) {
            Assumptions.assumeTrue(onPath(tool), () -> Deployment.report(tool + " is not installed: entrypoint scripts not run"));
        }
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        if (script != null && script.isAlive()) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (rest != null) {
            rest.stop(0);
        }
        if (cassandra != null) {
            cassandra.close();
        }
    }

    @Test
    void connectEntrypointRegistersEverySinkOnceCassandraAnswersAndStopsTheWorkerOnSigterm() throws Exception {
        Path sinks = Files.createDirectories(dir.resolve("sinks"));
        Files.writeString(sinks.resolve("faker-sink.json"), """
                {"name": "faker-sink", "config": {"connector.class": "x.Sink", "topics": "faker",
                 "cassandra.host": "${env:CASSANDRA_HOST}"}}""");
        Files.writeString(sinks.resolve("weather-sink.json"), """
                {"name": "weather-sink", "config": {"connector.class": "x.Sink", "topics": "weather"}}""");
        Path kafkaHome = fakeWorker();
        int[] conflictsLeft = {1};
        rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rest.createContext("/connectors", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
            int status = 200;
            if (exchange.getRequestMethod().equals("PUT")) {
                putTimes.add(Instant.now());
                // A worker that has just joined its group answers 409 while it rebalances.
                status = conflictsLeft[0]-- > 0 ? 409 : 201;
            }
            byte[] answer = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        rest.start();
        int cassandraPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            cassandraPort = probe.getLocalPort();
        }

        ProcessBuilder builder = new ProcessBuilder("bash", repository.resolve("kafka/connect-entrypoint.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("entrypoint.log").toFile());
        builder.environment().putAll(Map.of(
                "CONNECT_BOOTSTRAP_SERVERS", "broker:9092",
                "CONNECT_REST_PORT", String.valueOf(rest.getAddress().getPort()),
                "CONNECT_SINKS_DIR", sinks.toString(),
                "CONNECT_WORK_DIR", dir.toString(),
                "CONNECT_WAIT_SECONDS", "60",
                "KAFKA_HOME", kafkaHome.toString(),
                "CASSANDRA_HOST", "127.0.0.1",
                "CASSANDRA_PORT", String.valueOf(cassandraPort)));
        script = builder.start();

        await("the worker's REST API polled", () -> requests.stream().anyMatch(r -> r.startsWith("GET ")));
        cassandra = new ServerSocket(cassandraPort, 50, InetAddress.getLoopbackAddress());
        Instant cassandraOpened = Instant.now();
        await("the sinks registered", () -> Files.exists(dir.resolve("sinks-registered")));

        List<String> puts = requests.stream().filter(r -> r.startsWith("PUT ")).toList();
        assertEquals(3, puts.size(), "one 409 retried, then one PUT a sink: " + puts);
        assertTrue(putTimes.stream().allMatch(t -> !t.isBefore(cassandraOpened)), "no sink registered before Cassandra answered");
        for (String sink : List.of("faker-sink", "weather-sink")) {
            Map<String, Object> expected = asMap(Json.readObject(Files.readAllBytes(sinks.resolve(sink + ".json"))).get("config"));
            String last = puts.stream().filter(p -> p.startsWith("PUT /connectors/" + sink + "/config ")).reduce((a, b) -> b).orElseThrow();
            assertEquals(expected, Json.readObject(last.substring(last.indexOf('{')).getBytes(StandardCharsets.UTF_8)));
        }
        String worker = Files.readString(dir.resolve("connect-distributed.properties"));
        for (String line : List.of("bootstrap.servers=broker:9092", "plugin.path=/opt/connect-plugins",
                "plugin.discovery=service_load", "config.providers=env",
                "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider",
                "value.converter.schemas.enable=false")) {
            assertTrue(worker.lines().anyMatch(line::equals), "worker properties lack " + line + ":\n" + worker);
        }

        ProcessHandle workerProcess = script.children()
                .filter(p -> List.of(p.info().arguments().orElse(new String[0])).contains(FAKE_WORKER_SECONDS))
                .findFirst().orElseThrow(() -> new AssertionError("the worker is not running under the entrypoint"));
        Runtime.getRuntime().exec(new String[] {"kill", "-TERM", String.valueOf(script.pid())}).waitFor();
        assertTrue(script.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the entrypoint did not exit on SIGTERM");
        await("the worker stopped with the entrypoint", () -> !workerProcess.isAlive());
        assertEquals(143, script.exitValue(), "exit status: the worker's, killed by SIGTERM");
    }

    @Test
    void schemaScriptWaitsForCqlThenAppliesTheThreeScriptsWithTheReplicationAsked() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("cqlsh-calls");
        Path answered = dir.resolve("cql-answers");
        // Stand-in cqlsh: fails until told CQL answers, records each call and each script it runs.
        executable(bin.resolve("cqlsh"), """
                #!/usr/bin/env bash
                [[ -f "%s" ]] || exit 1
                echo "$*" >>"%s"
                for ((i = 1; i <= $#; i++)); do
                  if [[ "${!i}" == -f ]]; then j=$((i + 1)); cat "${!j}" >>"%s"; fi
                done
                """.formatted(answered, calls, calls));
        ProcessBuilder builder = new ProcessBuilder("bash", repository.resolve("cassandra/apply-schema.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("init.log").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("SCHEMA_DIR", repository.resolve("cassandra").toString());
        builder.environment().put("CASSANDRA_HOST", "cassandra-1");
        builder.environment().put("CASSANDRA_REPLICATION", "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}");
        script = builder.start();

        Files.writeString(answered, "");
        assertTrue(script.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "apply-schema.sh did not finish");
        String log = Files.readString(dir.resolve("init.log"));
        assertEquals(0, script.exitValue(), log);

        String recorded = Files.readString(calls);
        List<String> runs = recorded.lines().filter(l -> l.startsWith("cassandra-1 9042 --request-timeout=60 -f ")).toList();
        assertEquals(3, runs.size(), recorded);
        assertTrue(runs.get(1).endsWith("/schema.cql") && runs.get(2).endsWith("/schema-faker.cql"), runs.toString());
        String keyspace = recorded.lines().filter(l -> l.contains("CREATE KEYSPACE") || l.contains("WITH replication"))
                .reduce("", (a, b) -> a + b + "\n");
        assertTrue(keyspace.contains("WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 3};"), keyspace);
        assertFalse(keyspace.contains("SimpleStrategy"), keyspace);
        assertTrue(recorded.contains("CREATE TABLE IF NOT EXISTS kafkapipeline.lapsummary"), "schema.cql was not applied");
    }

    private Path fakeWorker() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("kafka/bin"));
        // The real worker runs until SIGTERM; so does this one.
        executable(bin.resolve("connect-distributed.sh"), "#!/usr/bin/env bash\nexec sleep " + FAKE_WORKER_SECONDS + "\n");
        return dir.resolve("kafka");
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not " + what + " within " + PATIENCE + "; script output:\n"
                        + readIfExists(dir.resolve("entrypoint.log")) + readIfExists(dir.resolve("init.log")));
            }
            Thread.sleep(100);
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
