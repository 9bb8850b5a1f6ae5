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
 * A single-node Kafka broker in KRaft mode (broker and controller in one JVM),
 * formatted on first start with a cluster id kept in its data folder.
 */
final class KafkaBroker extends ServerNode {
    static final String NAME = "kafka";
    static final String MODULE = "kafka/node/broker";

    KafkaBroker(StackSettings settings, ModuleClasspath classpath) {
        super(NAME, settings, classpath);
    }

    @Override
    public String address() {
        return bootstrapServers(settings);
    }

    static String bootstrapServers(StackSettings settings) {
        return "127.0.0.1:" + settings.ports().kafka();
    }

    @Override
    public Map<Integer, String> ports() {
        return Map.of(
                settings.ports().kafka(), "Kafka (PIPELINE_KAFKA_PORT)",
                settings.ports().kafkaController(), "Kafka controller (PIPELINE_KAFKA_CONTROLLER_PORT)");
    }

    private Path propertiesFile() {
        return home().resolve("server.properties");
    }

    @Override
    public void prepare() {
        int controller = settings.ports().kafkaController();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controller);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + settings.ports().kafka() + ",CONTROLLER://127.0.0.1:" + controller);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + settings.ports().kafka());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", home().resolve("logs").toString());
        p.put("num.partitions", Integer.toString(settings.topicPartitions()));
        p.put("offsets.topic.replication.factor", "1");
        // One partition makes the first consumer group form in a fraction of the time.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        PropertiesFile.write(propertiesFile(), p);
    }

    /** The cluster id the log directory was (or will be) formatted with; made once per data folder. */
    private String clusterId() {
        Path file = home().resolve("cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(home());
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

    @Override
    public boolean isReady() {
        if (!Ports.accepts(settings.ports().kafka())) {
            return false;
        }
        try (Admin admin = admin(settings, Duration.ofSeconds(3))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    static Admin admin(StackSettings settings, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(settings));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(props);
    }
}
