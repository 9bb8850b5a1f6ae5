package dev.kafkapipeline.consumers.secured;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.config.Secret;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft broker whose only client listener is SASL_SSL with
 * SCRAM-SHA-512, on 127.0.0.1. Its users are created when its storage is
 * formatted (StorageTool's --add-scram, as Kafka's "KRaft SCRAM" docs do):
 * one for the broker itself, one for the clients under test.
 */
public final class SecuredBroker extends TestServer {
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final String BROKER_USER = "broker";

    private final int port;
    private final int controllerPort;

    public SecuredBroker(Path home, int port, int controllerPort) {
        super("secured-kafka", home, "kafka/node/broker");
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Writes server.properties and launches the broker, which formats its storage with the two users first. */
    public void start(TestTls tls, String user, Secret password) throws IOException {
        Secret brokerPassword = TestTls.randomPassword();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + BROKER_USER + "\" password=\"" + brokerPassword.reveal() + "\";");
        p.put("ssl.keystore.location", tls.keyStore().toString());
        p.put("ssl.keystore.password", tls.keyStorePassword().reveal());
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.truststore.location", tls.trustStore().toString());
        p.put("ssl.truststore.password", tls.trustStorePassword().reveal());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("log.dirs", home.resolve("data").toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        Path properties = home.resolve("server.properties");
        Files.createDirectories(home);
        // Hex passwords and plain paths: nothing here needs .properties escaping.
        Files.writeString(properties, p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        launch(List.of(port, controllerPort), "384m", List.of("-XX:+UseG1GC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + moduleResource("log4j2.properties")),
                "dev.kafkapipeline.kafka.node.KraftBroker",
                List.of(properties.toString(), Uuid.randomUuid().toString(),
                        "--add-scram", MECHANISM + "=[name=" + BROKER_USER + ",password=" + brokerPassword.reveal() + "]",
                        "--add-scram", MECHANISM + "=[name=" + user + ",password=" + password.reveal() + "]"));
    }

    /** Waits until a client with these settings (KafkaSettings, credentials included) sees the broker. */
    public void awaitReady(EnvConfig clientEnv, Duration timeout) {
        awaitReady(timeout, () -> {
            Properties props = KafkaSettings.admin(clientEnv, "secured-ready");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            try (Admin admin = Admin.create(props)) {
                return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        });
    }
}
