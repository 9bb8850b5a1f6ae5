package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.local.process.ModuleClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka broker in KRaft mode, broker and controller in one JVM, formatted on
 * first start with a cluster id kept in the data folder: the stack's one
 * broker, or a member of the cluster's three, each on its own loopback
 * address (127.0.0.N) and all on the same ports, whose controllers form a
 * fixed quorum of voters (docker-compose.cluster.yml's KAFKA_CONTROLLER_QUORUM_VOTERS).
 */
final class KafkaBroker extends ServerNode {
    static final String NAME = "kafka";
    static final String MODULE = "kafka/node/broker";

    KafkaBroker(ServerMember member, StackSettings settings, ModuleClasspath classpath) {
        super(member, settings, classpath);
    }

    static List<ServerMember> members(ClusterTopology topology) {
        return ServerMember.of(NAME, topology.brokers());
    }

    @Override
    public String address() {
        return member.address(settings.ports().kafka());
    }

    /** Every broker, so that a client starts while any one is down. */
    static String bootstrapServers(StackSettings settings) {
        return settings.topology().bootstrapServers(id -> ServerMember.host(id) + ":" + settings.ports().kafka());
    }

    @Override
    public Map<Endpoint, String> ports() {
        return Map.of(
                new Endpoint(member.host(), settings.ports().kafka()), "Kafka (PIPELINE_KAFKA_PORT)",
                new Endpoint(member.host(), settings.ports().kafkaController()), "Kafka controller (PIPELINE_KAFKA_CONTROLLER_PORT)");
    }

    private Path propertiesFile() {
        return home().resolve("server.properties");
    }

    @Override
    public void prepare() {
        int controller = settings.ports().kafkaController();
        ClusterTopology topology = settings.topology();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(member.number()));
        if (topology.isCluster()) {
            // A fixed quorum, as the Docker cluster has: each controller is formatted knowing the voters.
            p.put("controller.quorum.voters", topology.quorumVoters(id -> ServerMember.host(id) + ":" + controller));
        } else {
            p.put("controller.quorum.bootstrap.servers", member.address(controller));
        }
        p.put("listeners", "PLAINTEXT://" + member.address(settings.ports().kafka()) + ",CONTROLLER://" + member.address(controller));
        p.put("advertised.listeners", "PLAINTEXT://" + member.address(settings.ports().kafka()));
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", home().resolve("logs").toString());
        p.put("num.partitions", Integer.toString(settings.topicPartitions()));
        p.putAll(topology.brokerSettings());
        // One partition makes the first consumer group form in a fraction of the time.
        p.put("offsets.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        PropertiesFile.write(propertiesFile(), p);
    }

    /**
     * The cluster id the log directory was (or will be) formatted with; made
     * once per data folder, and shared by a cluster's brokers.
     */
    private String clusterId() {
        Path file = settings.topology().isCluster() ? settings.dataDirectory().resolve("kafka-cluster-id") : home().resolve("cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(file.getParent());
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> command(String marker) {
        return JvmCommand.of(marker, settings.kafkaHeap(),
                List.of("-XX:+UseG1GC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + loggingConfig("log4j2.properties")),
                classpath, "dev.kafkapipeline.kafka.node.KraftBroker",
                List.of(propertiesFile().toString(), clusterId()));
    }

    /** The broker answers on its own address and counts itself among the cluster's live brokers (it has registered, unfenced). */
    @Override
    public boolean isReady() {
        if (!Ports.accepts(new Endpoint(member.host(), settings.ports().kafka()))) {
            return false;
        }
        try (Admin admin = admin(address(), Duration.ofSeconds(3))) {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).stream().anyMatch(node -> node.id() == member.number());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    static Admin admin(StackSettings settings, Duration timeout) {
        return admin(bootstrapServers(settings), timeout);
    }

    private static Admin admin(String bootstrapServers, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(props);
    }
}
