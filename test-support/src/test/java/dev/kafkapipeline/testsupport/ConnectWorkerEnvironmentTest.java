package dev.kafkapipeline.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.local.stack.ConnectWorker;
import dev.kafkapipeline.local.stack.NativeStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connect resolves ${env:NAME} in the connector configs that anyone reaching
 * its REST API submits. Against the running worker: its process holds only
 * what it needs, and its env provider, built as the worker builds it from its
 * properties and given the worker's own environment, resolves the sinks'
 * variables and nothing else. PIPELINE_TEST_PARENT_SECRET is set for this JVM
 * by test-support/pom.xml: a secret in the user's shell. The shared stack's
 * worker was started by another process, so this class starts it again from
 * here, where the secret is in the environment it could inherit.
 */
@NativeStackTest
class ConnectWorkerEnvironmentTest {
    private static final String SECRET = "PIPELINE_TEST_PARENT_SECRET";
    private static final String PROVIDER = "config.providers.env.";

    @BeforeAll
    static void restartTheWorkerFromThisJvm(NativeStack stack) {
        stack.stop(ConnectWorker.NAME);
        stack.start(ConnectWorker.NAME);
    }

    @Test
    void theWorkerProcessHoldsOnlyTheVariablesItNeeds(NativeStack stack) throws IOException {
        assertNotNull(System.getenv(SECRET), SECRET + " is not set: local/pom.xml's surefire configuration sets it");
        Map<String, String> environment = environ(stack);

        Set<String> needed = new TreeSet<>(ConnectWorker.JVM_VARIABLES);
        needed.addAll(ConnectWorker.SINK_VARIABLES);
        List<String> extra = environment.keySet().stream().filter(n -> !needed.contains(n)).toList();
        assertEquals(List.of(), extra, "variables the Connect worker does not need (" + SECRET + " among them?)");
        assertEquals(stack.clientEnvironment().get("CASSANDRA_PORT"), environment.get("CASSANDRA_PORT"));
    }

    @Test
    void aConnectorConfigResolvesTheSinksVariablesAndNothingElse(NativeStack stack) throws Exception {
        Properties worker = new Properties();
        try (InputStream in = Files.newInputStream(stack.settings().dataDirectory().resolve(ConnectWorker.NAME).resolve("worker.properties"))) {
            worker.load(in);
        }
        ConfigProvider provider = (ConfigProvider) Class.forName(worker.getProperty(PROVIDER + "class"))
                .getConstructor(Map.class).newInstance(environ(stack));
        provider.configure(worker.stringPropertyNames().stream().filter(k -> k.startsWith(PROVIDER + "param."))
                .collect(Collectors.toMap(k -> k.substring((PROVIDER + "param.").length()), worker::getProperty)));

        Map<String, String> connector = Map.of(
                "keyspace", "${env:CASSANDRA_KEYSPACE}",
                "topics", "${env:" + SECRET + "}",
                "path", "${env:PATH}");
        Map<String, String> resolved = new ConfigTransformer(Map.of("env", provider)).transform(connector).data();

        assertEquals(stack.cassandraSettings().keyspace(), resolved.get("keyspace"), "a variable the sinks read");
        // Compared without printing: a resolved value would be the secret.
        assertTrue(connector.get("topics").equals(resolved.get("topics")), SECRET + " was resolved through a connector config");
        assertTrue(connector.get("path").equals(resolved.get("path")),
                "PATH, which the worker holds but no sink reads, was resolved through a connector config");
        assertEquals("None", worker.getProperty("connector.client.config.override.policy"),
                "a connector must not override client settings: they could configure a provider of their own");
    }

    /** The allowlist is exactly what the shipped sink configs read: a sink never meets an unresolved variable. */
    @Test
    void theSinkVariablesAreThoseTheSinkConfigsRead(NativeStack stack) throws IOException {
        Set<String> read = new TreeSet<>();
        Pattern reference = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
        try (Stream<Path> files = Files.list(stack.settings().module("kafka/connect/sinks"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Matcher m = reference.matcher(Files.readString(file));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        assertEquals(read, new TreeSet<>(ConnectWorker.SINK_VARIABLES));
    }

    private static Map<String, String> environ(NativeStack stack) throws IOException {
        long pid = stack.process(ConnectWorker.NAME).running().orElseThrow(() -> new AssertionError("Connect is not running")).pid();
        Map<String, String> environment = new TreeMap<>();
        for (String entry : Files.readString(Path.of("/proc", Long.toString(pid), "environ")).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                environment.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return environment;
    }
}
