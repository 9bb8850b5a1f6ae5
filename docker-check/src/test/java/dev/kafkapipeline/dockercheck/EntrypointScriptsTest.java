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
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** "sink?query" of each restart request. */
    private final List<String> restarts = Collections.synchronizedList(new ArrayList<>());
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
        Path sinks = sinks();
        startRest(sink -> running(sink));
        int cassandraPort = freePort();
        script = startConnectEntrypoint(sinks, cassandraPort, Map.of());

        await("the worker's REST API polled", () -> requests.stream().anyMatch(r -> r.startsWith("GET ")));
        cassandra = new ServerSocket(cassandraPort, 50, InetAddress.getLoopbackAddress());
        Instant cassandraOpened = Instant.now();
        await("the sinks running", () -> Files.exists(dir.resolve("sinks-running")));

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

        ProcessHandle workerProcess = runningWorker().orElseThrow(() -> new AssertionError("the worker is not running under the entrypoint"));
        Runtime.getRuntime().exec(new String[] {"kill", "-TERM", String.valueOf(script.pid())}).waitFor();
        assertTrue(script.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the entrypoint did not exit on SIGTERM");
        await("the worker stopped with the entrypoint", () -> !workerProcess.isAlive());
        assertEquals(143, script.exitValue(), "exit status: the worker's, killed by SIGTERM");
    }

    /**
     * A folder started alone registers the sinks before cassandra-init has made
     * the tables; a sink's task then fails with its first records. The worker is
     * healthy only once every connector and its tasks run, and for as long as it
     * runs, a failed task is restarted, with its reason in the log.
     */
    @Test
    void connectEntrypointIsHealthyOnceEverySinkRunsAndRestartsWhatFails() throws Exception {
        Path sinks = sinks();
        AtomicInteger weatherAsked = new AtomicInteger();
        AtomicBoolean weatherRan = new AtomicBoolean();
        AtomicBoolean fakerFails = new AtomicBoolean();
        startRest(sink -> {
            if (sink.equals("weather-sink")) {
                // Not assigned yet, then a connector without its task, then both running.
                return switch (weatherAsked.incrementAndGet()) {
                    case 1 -> null;
                    case 2 -> "{\"name\": \"weather-sink\", \"connector\": {\"state\": \"RUNNING\"}, \"tasks\": []}";
                    default -> {
                        weatherRan.set(true);
                        yield running(sink);
                    }
                };
            }
            if (fakerFails.get() && restarts.stream().noneMatch(r -> r.startsWith("faker-sink?"))) {
                return """
                        {"name": "faker-sink", "connector": {"state": "RUNNING"}, "tasks": [{"id": 0, "state": "FAILED",
                         "trace": "org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.\\n\\tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java:636)\\nCaused by: org.apache.kafka.connect.errors.ConnectException: table kafkapipeline.fakerdata of topic 'faker' does not exist in Cassandra\\n\\tat dev.kafkapipeline.connect.CassandraSinkTask.writer(CassandraSinkTask.java:108)"}]}""";
            }
            return running(sink);
        });
        cassandra = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        script = startConnectEntrypoint(sinks, cassandra.getLocalPort(), Map.of("CONNECT_WATCH_SECONDS", "1"));

        await("the sinks running", () -> Files.exists(dir.resolve("sinks-running")));
        assertTrue(weatherRan.get(), "healthy before weather-sink and its task ran:\n" + log());

        fakerFails.set(true);
        await("faker-sink restarted", () -> restarts.contains("faker-sink?includeTasks=true&onlyFailed=true"));
        await("faker-sink running again", () -> log().indexOf("connect: faker-sink runs") < log().lastIndexOf("connect: faker-sink runs"));
        String log = log();
        for (String line : List.of(
                "connect: waiting for weather-sink to run: not known to the worker yet",
                "connect: waiting for weather-sink to run: connector RUNNING, no task yet",
                "connect: waiting for faker-sink to run: connector RUNNING, task 0 FAILED: org.apache.kafka.connect.errors"
                        + ".ConnectException: table kafkapipeline.fakerdata of topic 'faker' does not exist in Cassandra")) {
            assertTrue(log.lines().anyMatch(line::equals), "the log does not say\n  " + line + "\nit says:\n" + log);
        }
    }

    /** What the JVM and Kafka's launch scripts read, and what bash adds for the programs it starts. */
    private static final Set<String> JVM_AND_SHELL = Set.of("PATH", "JAVA_HOME", "LANG", "LC_ALL", "TZ", "KAFKA_HEAP_OPTS",
            "KAFKA_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "LOG_DIR", "PWD", "SHLVL", "_");

    /**
     * Connect resolves ${env:NAME} in connector configs that anyone reaching its
     * REST API submits. The worker gets only the variables the JVM and the sink
     * configs need, its env provider resolves only those the sink configs read,
     * and a connector cannot override its client settings (and so bring its own
     * provider).
     */
    @Test
    void connectWorkerGetsAndResolvesOnlyTheVariablesItsSinksRead() throws Exception {
        Set<String> sinkVariables = EnvNames.readBySinkConfigs(jsonFiles(repository.resolve("kafka/connect/sinks")));
        assertFalse(sinkVariables.isEmpty(), "the sink configs read no ${env:...}: this check reads them wrongly");
        startRest(EntrypointScriptsTest::running);
        cassandra = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // Every variable the sinks read is given (credentials and TLS ones are optional in a real run), so each must arrive.
        Map<String, String> given = new java.util.HashMap<>(Map.of(
                "OWM_API_KEY", "leak-me-not", "CASSANDRA_KEYSPACE", "kafkapipeline", "KAFKA_HEAP_OPTS", "-Xmx512m"));
        sinkVariables.stream().filter(n -> !n.equals("CASSANDRA_HOST") && !n.equals("CASSANDRA_PORT"))
                .forEach(n -> given.putIfAbsent(n, "given-" + n));
        script = startConnectEntrypoint(sinks(), cassandra.getLocalPort(), given);
        await("the worker started", () -> runningWorker().isPresent());

        Map<String, String> environment = environ(runningWorker().orElseThrow().pid());
        List<String> extra = environment.keySet().stream().filter(n -> !JVM_AND_SHELL.contains(n) && !sinkVariables.contains(n))
                .sorted().toList();
        assertEquals(List.of(), extra, "variables the worker does not need");
        for (String name : sinkVariables) {
            assertTrue(environment.containsKey(name), "the sinks read " + name + ", which the worker lacks");
        }
        assertEquals("-Xmx512m", environment.get("KAFKA_HEAP_OPTS"));

        Properties worker = new Properties();
        try (var in = Files.newInputStream(dir.resolve("connect-distributed.properties"))) {
            worker.load(in);
        }
        assertEquals("None", worker.getProperty("connector.client.config.override.policy"),
                "a connector must not override client settings (they could configure their own config providers)");
        String allowlist = worker.getProperty("config.providers.env.param.allowlist.pattern");
        assertTrue(allowlist != null, "the env provider has no allowlist.pattern: it resolves every variable");
        Pattern allowed = Pattern.compile(allowlist);
        for (String name : sinkVariables) {
            assertTrue(allowed.matcher(name).matches(), "the allowlist " + allowlist + " leaves out " + name + ", which a sink reads");
        }
        Set<String> others = new TreeSet<>(System.getenv().keySet());
        others.addAll(List.of("OWM_API_KEY", "JUPYTER_TOKEN", "CONNECT_BOOTSTRAP_SERVERS", "PATH", "X" + sinkVariables.iterator().next(),
                sinkVariables.iterator().next() + "_X"));
        others.removeAll(sinkVariables);
        // find(), not matches(): whichever way Kafka applies the pattern, nothing else gets through.
        List<String> let = others.stream().filter(n -> allowed.matcher(n).find()).toList();
        assertEquals(List.of(), let, "the allowlist " + allowlist + " lets these through");
    }

    private static Map<String, String> environ(long pid) throws IOException {
        Map<String, String> environment = new java.util.TreeMap<>();
        for (String entry : Files.readString(Path.of("/proc", Long.toString(pid), "environ")).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                environment.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return environment;
    }

    private static List<Path> jsonFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private Path sinks() throws IOException {
        Path sinks = Files.createDirectories(dir.resolve("sinks"));
        Files.writeString(sinks.resolve("faker-sink.json"), """
                {"name": "faker-sink", "config": {"connector.class": "x.Sink", "topics": "faker",
                 "cassandra.host": "${env:CASSANDRA_HOST}"}}""");
        Files.writeString(sinks.resolve("weather-sink.json"), """
                {"name": "weather-sink", "config": {"connector.class": "x.Sink", "topics": "weather"}}""");
        return sinks;
    }

    private static String running(String sink) {
        return "{\"name\": \"" + sink + "\", \"connector\": {\"state\": \"RUNNING\"}, \"tasks\": [{\"id\": 0, \"state\": \"RUNNING\"}]}";
    }

    /**
     * The worker's REST API: PUT answers 409 once (a worker that has just joined
     * its group rebalances), then 201; a sink's status is what {@code status}
     * gives (null: 404, not known yet); restarts are recorded.
     */
    private void startRest(Function<String, String> status) throws IOException {
        int[] conflictsLeft = {1};
        Pattern statusPath = Pattern.compile("/connectors/([^/]+)/status");
        Pattern restartPath = Pattern.compile("/connectors/([^/]+)/restart");
        rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rest.createContext("/connectors", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
            int code = 200;
            String answer = "[]";
            Matcher statusOf = statusPath.matcher(path);
            Matcher restartOf = restartPath.matcher(path);
            if (exchange.getRequestMethod().equals("PUT")) {
                putTimes.add(Instant.now());
                code = conflictsLeft[0]-- > 0 ? 409 : 201;
                answer = "{}";
            } else if (exchange.getRequestMethod().equals("GET") && statusOf.matches()) {
                answer = status.apply(statusOf.group(1));
                code = answer == null ? 404 : 200;
                answer = answer == null ? "{\"error_code\": 404, \"message\": \"No status found\"}" : answer;
            } else if (exchange.getRequestMethod().equals("POST") && restartOf.matches()) {
                restarts.add(restartOf.group(1) + "?" + exchange.getRequestURI().getQuery());
                code = 202;
                answer = "{}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        rest.start();
    }

    private Process startConnectEntrypoint(Path sinks, int cassandraPort, Map<String, String> extra) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", repository.resolve("kafka/connect-entrypoint.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("entrypoint.log").toFile());
        builder.environment().putAll(Map.of(
                "CONNECT_BOOTSTRAP_SERVERS", "broker:9092",
                "CONNECT_REST_PORT", String.valueOf(rest.getAddress().getPort()),
                "CONNECT_SINKS_DIR", sinks.toString(),
                "CONNECT_WORK_DIR", dir.toString(),
                "CONNECT_WAIT_SECONDS", "60",
                "KAFKA_HOME", fakeWorker().toString(),
                "CASSANDRA_HOST", "127.0.0.1",
                "CASSANDRA_PORT", String.valueOf(cassandraPort)));
        builder.environment().putAll(extra);
        return builder.start();
    }

    /** The stand-in worker, once the entrypoint's child has become it (env, then the script, exec into it). */
    private java.util.Optional<ProcessHandle> runningWorker() {
        return script.children()
                .filter(p -> List.of(p.info().arguments().orElse(new String[0])).contains(FAKE_WORKER_SECONDS)).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private String log() {
        try {
            return readIfExists(dir.resolve("entrypoint.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The cluster names every node; the script uses the first that answers, so one node down does not stop it. */
    @Test
    void schemaScriptWaitsForCqlOnAnyContactPointThenAppliesTheFourScriptsWithTheReplicationAndTablesAsked() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("cqlsh-calls");
        Path answered = dir.resolve("cql-answers");
        // Stand-in cqlsh: only cassandra-2 answers, once told CQL answers; records each call and each script it runs.
        executable(bin.resolve("cqlsh"), """
                #!/usr/bin/env bash
                [[ -f "%s" && "$1" == cassandra-2 ]] || exit 1
                echo "$*" >>"%s"
                for ((i = 1; i <= $#; i++)); do
                  if [[ "${!i}" == -f ]]; then j=$((i + 1)); cat "${!j}" >>"%s"; fi
                done
                """.formatted(answered, calls, calls));
        ProcessBuilder builder = new ProcessBuilder("bash", repository.resolve("cassandra/apply-schema.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("init.log").toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("SCHEMA_DIR", repository.resolve("cassandra").toString());
        builder.environment().put("CASSANDRA_HOST", "cassandra-1, cassandra-2,cassandra-3");
        builder.environment().put("CASSANDRA_REPLICATION", "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}");
        builder.environment().put("FASTF1_TABLE", "laps");
        script = builder.start();

        Files.writeString(answered, "");
        assertTrue(script.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "apply-schema.sh did not finish");
        String log = Files.readString(dir.resolve("init.log"));
        assertEquals(0, script.exitValue(), log);

        String recorded = Files.readString(calls);
        List<String> runs = recorded.lines().filter(l -> l.startsWith("cassandra-2 9042 --request-timeout=60 -f ")).toList();
        assertEquals(4, runs.size(), recorded);
        assertTrue(runs.get(1).endsWith("/schema.cql") && runs.get(2).endsWith("/schema-faker.cql") && runs.get(3).endsWith("/lapsummary.cql"),
                runs.toString());
        String keyspace = recorded.lines().filter(l -> l.contains("CREATE KEYSPACE") || l.contains("WITH replication"))
                .reduce("", (a, b) -> a + b + "\n");
        assertTrue(keyspace.contains("WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 3};"), keyspace);
        assertFalse(keyspace.contains("SimpleStrategy"), keyspace);
        assertTrue(recorded.contains("CREATE TABLE IF NOT EXISTS kafkapipeline.laps ("), "lapsummary.cql was not applied to FASTF1_TABLE");
        assertTrue(recorded.contains("ALTER TABLE kafkapipeline.laps ADD IF NOT EXISTS"), "the new columns are not added to FASTF1_TABLE");
        assertFalse(recorded.contains("kafkapipeline.lapsummary"), "FASTF1_TABLE=laps, yet lapsummary is named:\n" + recorded);
        assertTrue(recorded.contains("CREATE TABLE IF NOT EXISTS kafkapipeline.fakerdata ("), "schema-faker.cql was not applied");
    }

    @Test
    void schemaScriptRefusesATableNameThatIsNoIdentifierBeforeWaiting() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", repository.resolve("cassandra/apply-schema.sh").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("init.log").toFile());
        builder.environment().put("SCHEMA_DIR", repository.resolve("cassandra").toString());
        builder.environment().put("FAKER_TABLE", "people; DROP KEYSPACE kafkapipeline");
        script = builder.start();
        assertTrue(script.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "apply-schema.sh did not finish");
        assertEquals(1, script.exitValue());
        assertEquals("cassandra-init: table name 'people; DROP KEYSPACE kafkapipeline' (for fakerdata) is not a CQL identifier\n",
                Files.readString(dir.resolve("init.log")));
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
