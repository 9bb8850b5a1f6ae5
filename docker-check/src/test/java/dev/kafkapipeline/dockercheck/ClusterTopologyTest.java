package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.local.stack.ClusterTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.cluster.yml promises what the native cluster runs
 * ({@code ./pipeline up --cluster}, {@link ClusterTopology#THREE_NODES}): as
 * many brokers and Cassandra nodes, the same quorum of controllers, the same
 * replication and in-sync replicas, the same keyspace replication, seeds,
 * snitch and data centre, and clients that name every node. So what the
 * cluster test proves natively (a node of each lost, nothing lost) holds for
 * the file's settings.
 */
class ClusterTopologyTest {
    private static final ClusterTopology TOPOLOGY = ClusterTopology.THREE_NODES;
    private static final Pattern LISTENER = Pattern.compile("(\\w+)://[^:,]*:(\\d+)");

    private final ComposeModel cluster = new Deployment(Repository.locate()).clusterModel();

    @Test
    void theBrokersAreTheTopologysWithItsQuorumAndReplication() {
        List<ComposeService> brokers = brokers();
        assertEquals(TOPOLOGY.brokerIds(), brokers.stream().map(b -> Integer.parseInt(b.environment().get("KAFKA_NODE_ID"))).toList(),
                "the node ids of the file's brokers");
        String voters = TOPOLOGY.quorumVoters(id -> host(brokerWithId(brokers, id)) + ":" + listenerPort(brokerWithId(brokers, id), "CONTROLLER"));
        List<String> problems = new ArrayList<>();
        for (ComposeService broker : brokers) {
            Map<String, String> env = broker.environment();
            expect(problems, broker, "KAFKA_CONTROLLER_QUORUM_VOTERS", voters);
            // The apache/kafka image turns KAFKA_A_B_C into server.properties' a.b.c.
            TOPOLOGY.brokerSettings().forEach((property, value) ->
                    expect(problems, broker, "KAFKA_" + property.toUpperCase().replace('.', '_'), value));
            if (!env.getOrDefault("KAFKA_PROCESS_ROLES", "").contains("controller")) {
                problems.add(broker.name() + " is no controller: the native brokers are each a controller too");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theTopicsAndConnectsOwnTopicsReplicateAsTheTopologySays() {
        String factor = Integer.toString(TOPOLOGY.replicationFactor());
        List<String> problems = new ArrayList<>();
        List<ComposeService> creators = servicesWith("TOPIC_REPLICATION_FACTOR");
        List<ComposeService> workers = servicesWith("CONNECT_REPLICATION_FACTOR");
        creators.forEach(service -> expect(problems, service, "TOPIC_REPLICATION_FACTOR", factor));
        workers.forEach(service -> expect(problems, service, "CONNECT_REPLICATION_FACTOR", factor));
        assertEquals(1, creators.size(), "one service creates the topics");
        assertEquals(List.of(), problems);
        assertFalse(workers.isEmpty(), "no Connect worker found");
    }

    @Test
    void theRingIsTheTopologysWithItsSeedsSnitchAndKeyspace() {
        List<ComposeService> nodes = servicesWith("CASSANDRA_SEEDS");
        assertEquals(TOPOLOGY.cassandraNodes(), nodes.size(), "Cassandra nodes in the file: " + nodes.stream().map(ComposeService::name).toList());
        List<String> problems = new ArrayList<>();
        for (ComposeService node : nodes) {
            expect(problems, node, "CASSANDRA_SEEDS", TOPOLOGY.seeds(n -> host(nodes.get(n - 1))));
            expect(problems, node, "CASSANDRA_DC", TOPOLOGY.datacenter());
            expect(problems, node, "CASSANDRA_ENDPOINT_SNITCH", TOPOLOGY.snitch());
            expect(problems, node, "CASSANDRA_CLUSTER_NAME", ClusterTopology.CASSANDRA_CLUSTER_NAME);
        }
        List<ComposeService> schema = servicesWith("CASSANDRA_REPLICATION");
        assertEquals(1, schema.size(), "one service creates the keyspace");
        expect(problems, schema.get(0), "CASSANDRA_REPLICATION", TOPOLOGY.keyspaceReplication());
        assertEquals(List.of(), problems);
    }

    /** The same lists, in the same order, as the native clients get: every node, so a client starts while any one is down. */
    @Test
    void everyClientNamesEveryNodeAsTheNativeClientsDo() {
        List<ComposeService> brokers = brokers();
        List<ComposeService> nodes = servicesWith("CASSANDRA_SEEDS");
        String bootstrap = TOPOLOGY.bootstrapServers(id -> host(brokerWithId(brokers, id)) + ":" + listenerPort(brokerWithId(brokers, id), "PLAINTEXT"));
        String contactPoints = TOPOLOGY.contactPoints(n -> host(nodes.get(n - 1)));
        List<String> problems = new ArrayList<>();
        int lists = 0;
        for (ComposeService client : cluster.services().values()) {
            for (String name : client.environment().keySet()) {
                if (ServiceSettingsTest.BROKER_LISTS.contains(name)) {
                    expect(problems, client, name, bootstrap);
                    lists++;
                } else if (name.equals("CASSANDRA_HOST")) {
                    expect(problems, client, name, contactPoints);
                    lists++;
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(lists > 5, "only " + lists + " client lists found");
    }

    private List<ComposeService> brokers() {
        return servicesWith("KAFKA_NODE_ID");
    }

    private List<ComposeService> servicesWith(String variable) {
        return cluster.services().values().stream().filter(s -> s.environment().containsKey(variable)).toList();
    }

    private static ComposeService brokerWithId(List<ComposeService> brokers, int id) {
        return brokers.stream().filter(b -> b.environment().get("KAFKA_NODE_ID").equals(Integer.toString(id))).findFirst()
                .orElseThrow(() -> new AssertionError("no broker with KAFKA_NODE_ID " + id));
    }

    /** The name other containers reach the service by. */
    private static String host(ComposeService service) {
        return service.string("hostname").orElse(service.name());
    }

    private static int listenerPort(ComposeService broker, String listener) {
        Matcher m = LISTENER.matcher(broker.environment().getOrDefault("KAFKA_LISTENERS", ""));
        while (m.find()) {
            if (m.group(1).equals(listener)) {
                return Integer.parseInt(m.group(2));
            }
        }
        throw new AssertionError(broker.name() + " has no " + listener + " listener in KAFKA_LISTENERS");
    }

    private static void expect(List<String> problems, ComposeService service, String variable, String expected) {
        String actual = service.environment().get(variable);
        if (!expected.equals(actual)) {
            problems.add(service.name() + " " + variable + "=" + actual + ", the native cluster's: " + expected);
        }
    }
}
