package dev.kafkapipeline.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.cassandra.client.CassandraSecurity;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.CassandraSettings.ContactPoint;
import dev.kafkapipeline.common.config.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector's Cassandra settings, with DataStax's names, as the sink configs in sinks/ give them. */
class CassandraSinkConfigTest {
    private static final String PASSWORD = "s3cr'et \"pw\"";

    @TempDir
    Path folder;

    private static Map<String, String> faker(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("topics", "faker",
                "topic.faker.kafkapipeline.fakerdata.mapping", "name=value.name"));
        props.putAll(extra);
        return props;
    }

    @Test
    void aWorkerWithoutTheSecurityVariablesGetsThePlainSettingsOfBefore() throws IOException {
        for (String file : List.of("weather-sink.json", "faker-sink.json", "fastf1-sink.json")) {
            Map<String, String> props = SinkConfigFilesTest.resolved(SinkConfigFilesTest.read(file), Map.of());
            CassandraSettings settings = new CassandraSinkConfig(props).cassandraSettings();
            assertEquals(List.of(new ContactPoint("localhost", 9042)), settings.contactPoints(), file);
            assertEquals("datacenter1", settings.localDatacenter(), file);
            assertEquals(CassandraSecurity.NONE, settings.security(), file);
            Config validated = new CassandraSinkConnector().validate(props);
            validated.configValues().forEach(v -> assertEquals(List.of(), v.errorMessages(), file + " " + v.name()));
        }
    }

    @Test
    void theSinkFilesTakeContactPointsDcCredentialsAndTlsFromTheWorkersEnvironment() throws IOException {
        Path trustStore = Files.write(folder.resolve("truststore.p12"), new byte[] {1});
        Map<String, String> workerEnv = Map.of("CASSANDRA_HOST", "cass-a,cass-b:9142", "CASSANDRA_PORT", "9043",
                "CASSANDRA_DATACENTER", "eu-west", "CASSANDRA_USERNAME", "pipeline", "CASSANDRA_PASSWORD", PASSWORD,
                "CASSANDRA_SSL", "true", "CASSANDRA_SSL_TRUSTSTORE_PATH", trustStore.toString(),
                "CASSANDRA_SSL_TRUSTSTORE_PASSWORD", "store-pw", "CASSANDRA_SSL_HOSTNAME_VALIDATION", "false");
        Map<String, String> props = SinkConfigFilesTest.resolved(SinkConfigFilesTest.read("faker-sink.json"), workerEnv);
        CassandraSinkConfig config = new CassandraSinkConfig(props);
        CassandraSettings settings = config.cassandraSettings();
        assertEquals(List.of(new ContactPoint("cass-a", 9043), new ContactPoint("cass-b", 9142)), settings.contactPoints());
        assertEquals("eu-west", settings.localDatacenter());
        assertEquals(Optional.of(new CassandraSecurity.Login("pipeline", new Secret(PASSWORD))), settings.security().login());
        assertEquals(Optional.of(new CassandraSecurity.Tls(Optional.of(trustStore), Optional.of(new Secret("store-pw")), false)),
                settings.security().tls());

        // What the worker logs and what its validate endpoint answers never hold the passwords.
        assertFalse(config.values().toString().contains("s3cr"), config.values().toString());
        assertFalse(settings.toString().contains("s3cr") || settings.toString().contains("store-pw"), settings.toString());
        for (ConfigValue value : new CassandraSinkConnector().validate(props).configValues()) {
            assertEquals(List.of(), value.errorMessages(), value.name());
            assertFalse(String.valueOf(value.value()).contains("s3cr"), value.name() + " = " + value.value());
            assertFalse(String.valueOf(value.value()).contains("store-pw"), value.name() + " = " + value.value());
        }
    }

    @Test
    void dataStaxValuesWorkAsWell() {
        CassandraSettings settings = new CassandraSinkConfig(faker(Map.of("auth.provider", "PLAIN", "auth.username", "u",
                "auth.password", "p", "ssl.provider", "JDK"))).cassandraSettings();
        assertEquals("u", settings.security().login().orElseThrow().username());
        assertTrue(settings.security().tls().orElseThrow().hostnameValidation(), "hostnames validated unless told otherwise");
    }

    @Test
    void wrongCombinationsAreRefusedInTheConnectorsOwnNames() {
        Map<Map<String, String>, String> refusals = Map.of(
                Map.of("auth.password", PASSWORD), "auth.password is set without auth.username",
                Map.of("auth.username", "pipeline"), "auth.username is set without auth.password",
                Map.of("auth.provider", "PLAIN"), "auth.provider PLAIN needs auth.username and auth.password",
                Map.of("ssl.truststore.path", "/etc/ts.p12"), "ssl.truststore.path is set, but ssl.provider is not true",
                Map.of("ssl.provider", "JDK", "ssl.truststore.password", PASSWORD),
                "ssl.truststore.password is set without ssl.truststore.path",
                Map.of("contactPoints", "cass-a:ninety"), "contactPoints entry 'cass-a:ninety' must be host or host:port (port 1-65535)");
        refusals.forEach((settings, message) -> {
            ConfigException refused = assertThrows(ConfigException.class, () -> new CassandraSinkConnector().start(faker(settings)), message);
            assertEquals(message, refused.getMessage());
        });
    }

    @Test
    void openSslIsNotOffered() {
        Config validated = new CassandraSinkConnector().validate(faker(Map.of("ssl.provider", "OpenSSL")));
        ConfigValue provider = validated.configValues().stream().filter(v -> v.name().equals("ssl.provider")).findFirst().orElseThrow();
        assertEquals(1, provider.errorMessages().size(), provider.toString());
    }
}
