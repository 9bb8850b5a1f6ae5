package dev.kafkapipeline.cassandra.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kafkapipeline.cassandra.client.CassandraSettings.ContactPoint;
import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.config.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraSettingsTest {
    private static final String PASSWORD = "s3cr'et \"pw\"";

    @TempDir
    Path folder;

    private static CassandraSettings settings(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return CassandraSettings.from(new EnvConfig(values));
    }

    @Test
    void oneHostByDefaultAsBefore() {
        CassandraSettings settings = settings();
        assertEquals(List.of(new ContactPoint("localhost", 9042)), settings.contactPoints());
        assertEquals("localhost:9042", settings.address());
        assertEquals("datacenter1", settings.localDatacenter());
        assertEquals(CassandraSecurity.NONE, settings.security());
    }

    @Test
    void contactPointsAreACommaListOfHostsWithOrWithoutTheirPort() {
        CassandraSettings settings = settings("CASSANDRA_HOST", " cass-a , cass-b:9142,10.0.0.3,[fd00::4]:9242,[fd00::5],fd00::6 ",
                "CASSANDRA_PORT", "9043", "CASSANDRA_DATACENTER", "eu-west");
        assertEquals(List.of(new ContactPoint("cass-a", 9043), new ContactPoint("cass-b", 9142), new ContactPoint("10.0.0.3", 9043),
                new ContactPoint("fd00::4", 9242), new ContactPoint("fd00::5", 9043), new ContactPoint("fd00::6", 9043)),
                settings.contactPoints());
        assertEquals("cass-a:9043,cass-b:9142,10.0.0.3:9043,[fd00::4]:9242,[fd00::5]:9043,[fd00::6]:9043", settings.address());
        assertEquals("eu-west", settings.localDatacenter());
    }

    @Test
    void aMalformedContactPointIsRefusedAtStart() {
        for (String host : List.of("cass-a:port", "cass-a:70000", ":9042", "[fd00::4", " , ")) {
            ConfigException refused = assertThrows(ConfigException.class, () -> settings("CASSANDRA_HOST", host), host);
            assertFalse(refused.getMessage().isBlank());
        }
    }

    @Test
    void credentialsAndTlsComeFromTheEnvironmentAndPrintHidden() throws IOException {
        Path trustStore = Files.write(folder.resolve("truststore.p12"), new byte[] {1});
        CassandraSettings settings = settings("CASSANDRA_USERNAME", "pipeline", "CASSANDRA_PASSWORD", PASSWORD,
                "CASSANDRA_SSL", "true", "CASSANDRA_SSL_TRUSTSTORE_PATH", trustStore.toString(),
                "CASSANDRA_SSL_TRUSTSTORE_PASSWORD", "store-pw", "CASSANDRA_SSL_HOSTNAME_VALIDATION", "false");
        assertEquals(Optional.of(new CassandraSecurity.Login("pipeline", new Secret(PASSWORD))), settings.security().login());
        assertEquals(Optional.of(new CassandraSecurity.Tls(Optional.of(trustStore), Optional.of(new Secret("store-pw")), false)),
                settings.security().tls());
        assertFalse(settings.toString().contains("s3cr"), settings.toString());
        assertFalse(settings.toString().contains("store-pw"), settings.toString());
    }

    @Test
    void tlsWithoutATrustStoreUsesTheJvmCasAndValidatesHostnames() {
        assertEquals(Optional.of(new CassandraSecurity.Tls(Optional.empty(), Optional.empty(), true)),
                settings("CASSANDRA_SSL", "true").security().tls());
    }

    @Test
    void combinationsThatWouldBeIgnoredAreRefusedInOneLine() {
        String missing = folder.resolve("missing.p12").toString();
        Map<String[], String> refusals = Map.of(
                new String[] {"CASSANDRA_USERNAME", "pipeline"}, "CASSANDRA_USERNAME is set without CASSANDRA_PASSWORD",
                new String[] {"CASSANDRA_PASSWORD", PASSWORD}, "CASSANDRA_PASSWORD is set without CASSANDRA_USERNAME",
                new String[] {"CASSANDRA_SSL_TRUSTSTORE_PATH", missing}, "CASSANDRA_SSL_TRUSTSTORE_PATH is set, but CASSANDRA_SSL is not true",
                new String[] {"CASSANDRA_SSL", "false", "CASSANDRA_SSL_HOSTNAME_VALIDATION", "false"},
                "CASSANDRA_SSL_HOSTNAME_VALIDATION is set, but CASSANDRA_SSL is not true",
                new String[] {"CASSANDRA_SSL", "true", "CASSANDRA_SSL_TRUSTSTORE_PASSWORD", PASSWORD},
                "CASSANDRA_SSL_TRUSTSTORE_PASSWORD is set without CASSANDRA_SSL_TRUSTSTORE_PATH",
                new String[] {"CASSANDRA_SSL", "true", "CASSANDRA_SSL_TRUSTSTORE_PATH", missing},
                "CASSANDRA_SSL_TRUSTSTORE_PATH names no readable file: " + missing,
                new String[] {"CASSANDRA_SSL", "maybe"}, "CASSANDRA_SSL must be true or false, got 'maybe'");
        refusals.forEach((env, message) -> {
            ConfigException refused = assertThrows(ConfigException.class, () -> settings(env), message);
            assertEquals(message, refused.getMessage());
        });
    }
}
