package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What each service is told, against what its code reads: variable names,
 * published ports, host names and the broker's advertised listeners.
 */
class ServiceSettingsTest {

    private final Deployment deployment = new Deployment(Repository.locate());
    private final Repository repository = deployment.repository();

    /** Variables holding comma-separated host:port lists, and URLs. */
    static final Set<String> ADDRESS_LISTS = Set.of("KAFKA_BROKER_URL", "CONNECT_BOOTSTRAP_SERVERS", "KAFKA_BOOTSTRAP",
            "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", "KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS", "CONNECT_URL");

    @TestFactory
    Stream<DynamicTest> everyVariableSetIsOneTheServiceReads() {
        return deployment.allServices().filter(s -> !s.environment().isEmpty())
                .map(s -> DynamicTest.dynamicTest(s.where(), () -> {
                    ServiceCode code = ServiceCode.of(s, deployment.builderOf(s), repository);
                    Assumptions.assumeTrue(code.skipReason().isEmpty(),
                            () -> Deployment.report(s.where() + ": variables not checked, " + code.skipReason().orElseThrow()));
                    assertEquals(List.of(), EnvNames.unread(s.environment().keySet(), code.readNames()),
                            s.where() + " sets variables that nothing reads (read by " + code.origins() + ")");
                }));
    }

    @Test
    void publishedPortsAreTheDocumentedOnesAndMatchTheJavaDefaults() {
        int cassandraPort = deployment.javaDefault("cassandra/client", "CassandraSettings.java", "\"CASSANDRA_PORT\",\\s*(\\d+)");
        int kafkaPort = deployment.javaDefault("common", "KafkaSettings.java", "DEFAULT_BROKER_URL\\s*=\\s*\"[^\"]*:(\\d+)\"");
        Map<String, Integer> expected = Deployment.orderedMap(
                "cassandradb", cassandraPort, "broker", kafkaPort, "kafka-connect", 8083, "kafka-ui", 9000, "datavis", 8888,
                "watch", deployment.javaDefault("watch", "WatchSettings.java", "\"WATCH_PORT\",\\s*(\\d+)"));
        Map<String, Integer> published = new LinkedHashMap<>();
        deployment.rootModel().services().values().forEach(s -> s.ports().forEach(p -> published.put(s.name(), p.published())));
        assertEquals(expected, published, "host ports published by the service files");
    }

    @Test
    void brokerAdvertisesNamesItsClientsCanReach() {
        ComposeService broker = deployment.rootModel().services().get("broker");
        Map<String, String> env = broker.environment();
        Map<String, Integer> listenerPorts = listenerPorts(env.get("KAFKA_LISTENERS"));
        for (String advertised : env.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            Matcher m = Pattern.compile("(\\w+)://([^:]+):(\\d+)").matcher(advertised.strip());
            assertTrue(m.matches(), "advertised listener " + advertised);
            String listener = m.group(1);
            String host = m.group(2);
            int port = Integer.parseInt(m.group(3));
            assertTrue(listenerPorts.containsKey(listener), "advertised listener " + listener + " is not in KAFKA_LISTENERS");
            if (host.equals("localhost")) {
                assertTrue(broker.ports().stream().anyMatch(p -> p.published() == port && p.target() == listenerPorts.get(listener)),
                        "the host reaches localhost:" + port + " only if it is published to listener " + listener
                                + " (port " + listenerPorts.get(listener) + ")");
            } else {
                assertTrue(broker.hostNames().contains(host), "broker advertises " + host + ", not one of its names");
                assertEquals(port, (int) listenerPorts.get(listener), "advertised port of " + listener);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> addressesPointAtServicesOnASharedNetwork() {
        return Stream.of(deployment.rootModel(), deployment.clusterModel()).flatMap(model -> model.services().values().stream()
                .map(s -> DynamicTest.dynamicTest(s.where(), () -> checkAddresses(model, s))));
    }

    private void checkAddresses(ComposeModel model, ComposeService client) {
        int cassandraDefaultPort = deployment.javaDefault("cassandra/client", "CassandraSettings.java", "\"CASSANDRA_PORT\",\\s*(\\d+)");
        Map<String, String> env = client.environment();
        List<String> addresses = new ArrayList<>();
        env.forEach((name, value) -> {
            if (ADDRESS_LISTS.contains(name)) {
                for (String item : value.split(",")) {
                    addresses.add(item.strip().replaceFirst("^\\w+://", "").replaceFirst("/.*$", ""));
                }
            }
        });
        if (env.containsKey("CASSANDRA_HOST")) {
            for (String host : env.get("CASSANDRA_HOST").split(",")) {
                addresses.add(host.strip() + ":" + env.getOrDefault("CASSANDRA_PORT", String.valueOf(cassandraDefaultPort)));
            }
        }
        List<String> problems = new ArrayList<>();
        for (String address : addresses) {
            String host = address.substring(0, address.lastIndexOf(':'));
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            ComposeService server = model.services().values().stream().filter(s -> s.hostNames().contains(host))
                    .findFirst().orElse(null);
            if (server == null) {
                problems.add(address + ": no service called " + host);
            } else if (server.networks().stream().noneMatch(client.networks()::contains)) {
                problems.add(address + ": " + server.name() + " shares no network with " + client.name());
            } else if (!listeningPorts(server).contains(port)) {
                problems.add(address + ": " + server.name() + " listens on " + listeningPorts(server));
            }
        }
        assertEquals(List.of(), problems, client.where());
    }

    /**
     * Connect resolves ${env:NAME} in connector configs that anyone reaching its
     * REST API submits. Its services are given only the CONNECT_* settings the
     * entrypoint writes into the worker's properties, the variables the sink
     * configs read, and the worker's heap; and nothing from .env or the shell,
     * where the keys are.
     */
    @TestFactory
    Stream<DynamicTest> theConnectWorkerIsGivenOnlyWhatItNeeds() throws java.io.IOException {
        Set<String> sinkVariables;
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(repository.resolve("kafka/connect/sinks"))) {
            sinkVariables = EnvNames.readBySinkConfigs(files.filter(f -> f.toString().endsWith(".json")).toList());
        }
        List<ComposeService> workers = deployment.allServices().filter(s -> deployment.builderOf(s).flatMap(ComposeService::dockerfile)
                .filter(d -> d.endsWith("kafka/Dockerfile-connect")).isPresent()).toList();
        assertTrue(workers.size() >= 2, "no Connect worker found in the root and cluster files");
        return workers.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> {
            List<String> problems = new ArrayList<>();
            s.environment().forEach((name, value) -> {
                if (value.contains("${")) {
                    problems.add(name + " comes from .env or the shell");
                }
                if (!(name.startsWith("CONNECT_") || sinkVariables.contains(name) || name.equals("KAFKA_HEAP_OPTS"))) {
                    problems.add(name + " is neither a CONNECT_* setting, a variable the sinks read, nor the heap");
                }
            });
            assertEquals(List.of(), problems, s.where());
        }));
    }

    /** Variables that hold a client's list of Kafka brokers. */
    static final Set<String> BROKER_LISTS = Set.of("KAFKA_BROKER_URL", "CONNECT_BOOTSTRAP_SERVERS", "KAFKA_BOOTSTRAP",
            "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS");

    /**
     * A client that knows one node of a cluster cannot start while that node is
     * down: every list of Cassandra contact points and Kafka bootstrap servers
     * names every node of its file.
     */
    @TestFactory
    Stream<DynamicTest> clientsNameEveryNodeOfTheirCluster() {
        return Stream.of(deployment.rootModel(), deployment.clusterModel()).map(model -> DynamicTest.dynamicTest(model.description(), () -> {
            List<ComposeService> cassandraNodes = model.services().values().stream().filter(this::isCassandraNode).toList();
            List<ComposeService> brokers = model.services().values().stream()
                    .filter(s -> s.environment().getOrDefault("KAFKA_PROCESS_ROLES", "").contains("broker")).toList();
            assertTrue(!cassandraNodes.isEmpty() && !brokers.isEmpty(), model.description() + ": no Cassandra node or no broker found");
            List<String> problems = new ArrayList<>();
            for (ComposeService client : model.services().values()) {
                client.environment().forEach((name, value) -> {
                    List<ComposeService> nodes = name.equals("CASSANDRA_HOST") ? cassandraNodes
                            : BROKER_LISTS.contains(name) ? brokers : List.of();
                    Set<String> named = new TreeSet<>();
                    for (String item : value.split(",")) {
                        named.add(item.strip().replaceFirst(":\\d+$", ""));
                    }
                    for (ComposeService node : nodes) {
                        if (node.hostNames().stream().noneMatch(named::contains)) {
                            problems.add(client.name() + " " + name + "=" + value + " leaves out " + node.name());
                        }
                    }
                });
            }
            assertEquals(List.of(), problems, model.description());
        }));
    }

    private boolean isCassandraNode(ComposeService service) {
        String image = deployment.builderOf(service).flatMap(ComposeService::dockerfile).map(d -> Dockerfile.read(d).finalStage().image())
                .orElse(service.string("image").orElse(""));
        return image.startsWith("cassandra:") && service.string("entrypoint").isEmpty();
    }

    /** The ports a service listens on inside its network. */
    private Set<Integer> listeningPorts(ComposeService service) {
        Map<String, String> env = service.environment();
        Set<Integer> ports = new TreeSet<>(listenerPorts(env.get("KAFKA_LISTENERS")).values());
        for (String single : List.of("CONNECT_REST_PORT", "SERVER_PORT")) {
            if (env.containsKey(single)) {
                ports.add(Integer.parseInt(env.get(single)));
            }
        }
        service.ports().forEach(p -> ports.add(p.target()));
        if (isCassandraNode(service)) {
            ports.add(9042);
        }
        return ports;
    }

    private static Map<String, Integer> listenerPorts(String listeners) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (listeners != null) {
            Matcher m = Pattern.compile("(\\w+)://[^:,]*:(\\d+)").matcher(listeners);
            while (m.find()) {
                ports.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return ports;
    }

}
