package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.local.process.ModuleClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect distributed worker with its REST API on loopback and the
 * project's sink plugin folder on its plugin path. Connector configs may use
 * {@code ${env:CASSANDRA_HOST}} and friends: the worker gets those variables.
 */
final class ConnectWorker extends ServerNode {
    static final String NAME = "connect";
    static final String MODULE = "kafka/node/connect";
    /** Where the sink module's build puts its self-contained plugin. */
    static final String PLUGIN_FOLDER = "kafka/connect/target/plugin";

    ConnectWorker(StackSettings settings, ModuleClasspath classpath) {
        super(NAME, settings, classpath);
    }

    @Override
    public String address() {
        return restUrl(settings);
    }

    static String restUrl(StackSettings settings) {
        return "http://127.0.0.1:" + settings.ports().connect();
    }

    @Override
    public Map<Integer, String> ports() {
        return Map.of(settings.ports().connect(), "Kafka Connect REST (PIPELINE_CONNECT_PORT)");
    }

    private Path propertiesFile() {
        return home().resolve("worker.properties");
    }

    @Override
    public void prepare() {
        Path plugins = settings.module(PLUGIN_FOLDER);
        try {
            Files.createDirectories(plugins);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin folder " + plugins + ": " + e.getMessage(), e);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", KafkaBroker.bootstrapServers(settings));
        p.put("group.id", "pipeline-connect");
        p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter.schemas.enable", "false");
        p.put("config.storage.topic", "connect-configs");
        p.put("offset.storage.topic", "connect-offsets");
        p.put("status.storage.topic", "connect-status");
        p.put("config.storage.replication.factor", "1");
        p.put("offset.storage.replication.factor", "1");
        p.put("status.storage.replication.factor", "1");
        p.put("offset.storage.partitions", "1");
        p.put("status.storage.partitions", "1");
        p.put("offset.flush.interval.ms", "5000");
        p.put("listeners", restUrl(settings));
        p.put("rest.advertised.host.name", "127.0.0.1");
        p.put("rest.advertised.port", Integer.toString(settings.ports().connect()));
        p.put("plugin.path", plugins.toString());
        p.put("plugin.discovery", "service_load");
        p.put("config.providers", "env");
        p.put("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        PropertiesFile.write(propertiesFile(), p);
    }

    @Override
    public List<String> command(String marker) {
        return JvmCommand.of(marker, settings.connectHeap(),
                List.of("-XX:+UseG1GC", "-Djava.awt.headless=true",
                        "-Dlog4j2.configurationFile=" + loggingConfig("log4j2.properties")),
                classpath, "org.apache.kafka.connect.cli.ConnectDistributed",
                List.of(propertiesFile().toString()));
    }

    @Override
    public Map<String, String> environment() {
        return StackClients.environment(settings);
    }

    @Override
    public boolean isReady() {
        if (!Ports.accepts(settings.ports().connect())) {
            return false;
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(restUrl(settings) + "/connectors")).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
