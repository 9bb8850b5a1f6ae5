package dev.kafkapipeline.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSecurityTest {
    /** Every character the JAAS line must quote or escape, and a few that merely look dangerous. */
    private static final String PASSWORD = "p\"a\\ss; word='x'\n}{";

    @TempDir
    Path folder;

    private static EnvConfig env(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new EnvConfig(values);
    }

    /** The login entry as a Kafka client parses it from its sasl.jaas.config. */
    private static AppConfigurationEntry loginEntry(Password jaasConfig) {
        return JaasContext.loadClientContext(Map.of("sasl.jaas.config", jaasConfig)).configurationEntries().get(0);
    }

    private Path trustStoreFile() throws IOException {
        return Files.write(folder.resolve("truststore.p12"), new byte[] {1});
    }

    @Test
    void withoutSecurityVariablesTheClientsUsePlaintextAsBefore() {
        Properties props = KafkaSettings.producer(env("KAFKA_BROKER_URL", "a:9092,b:9092"), "p");
        assertEquals("a:9092,b:9092", props.get("bootstrap.servers"));
        assertEquals("PLAINTEXT", props.get("security.protocol"));
        assertFalse(props.containsKey("sasl.jaas.config"));
        assertEquals(KafkaSecurity.PLAINTEXT, KafkaSettings.security(env()));
    }

    @Test
    void saslSslBuildsTheJaasLineThatKafkaReadsBackToTheSameCredentials() throws IOException {
        Path trustStore = trustStoreFile();
        EnvConfig env = env("KAFKA_SECURITY_PROTOCOL", "sasl_ssl", "KAFKA_SASL_USERNAME", "pipe\"line",
                "KAFKA_SASL_PASSWORD", PASSWORD, "KAFKA_SSL_TRUSTSTORE_LOCATION", trustStore.toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "store-secret", "KAFKA_SSL_TRUSTSTORE_TYPE", "pkcs12");
        for (Properties props : new Properties[] {KafkaSettings.producer(env, "p"), KafkaSettings.consumer(env, "g"),
                KafkaSettings.admin(env, "a")}) {
            assertEquals("SASL_SSL", props.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"), "SCRAM-SHA-512 unless told otherwise");
            assertEquals(trustStore.toString(), props.get("ssl.truststore.location"));
            assertEquals("PKCS12", props.get("ssl.truststore.type"));
            assertEquals("store-secret", ((Password) props.get("ssl.truststore.password")).value());

            Password jaas = assertInstanceOf(Password.class, props.get("sasl.jaas.config"));
            AppConfigurationEntry entry = loginEntry(jaas);
            assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule", entry.getLoginModuleName());
            assertEquals("pipe\"line", entry.getOptions().get("username"));
            assertEquals(PASSWORD, entry.getOptions().get("password"));

            assertFalse(props.toString().contains("ss; word"), "the properties print without the password: " + props);
            assertFalse(props.toString().contains("store-secret"), props.toString());
        }
        assertFalse(KafkaSettings.security(env).toString().contains("ss; word"), KafkaSettings.security(env).toString());
    }

    @Test
    void plainUsesThePlainLoginModule() {
        Properties props = KafkaSettings.consumer(env("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", "PLAIN", "KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "pw"), "g");
        assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule",
                loginEntry((Password) props.get("sasl.jaas.config")).getLoginModuleName());
        assertEquals("PLAIN", props.get("sasl.mechanism"));
        assertFalse(props.containsKey("ssl.truststore.location"));
    }

    @Test
    void sslAloneNeedsNoTrustStoreTheJvmCasServe() {
        Properties props = KafkaSettings.admin(env("KAFKA_SECURITY_PROTOCOL", "SSL"), "a");
        assertEquals("SSL", props.get("security.protocol"));
        assertFalse(props.containsKey("ssl.truststore.location"));
        assertFalse(props.containsKey("sasl.mechanism"));
    }

    @Test
    void combinationsThatWouldBeIgnoredOrCannotWorkAreRefusedInOneLine() throws IOException {
        String store = trustStoreFile().toString();
        Map<EnvConfig, String> refusals = Map.of(
                env("KAFKA_SECURITY_PROTOCOL", "SASL_TLS"),
                "KAFKA_SECURITY_PROTOCOL must be one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, got 'SASL_TLS'",
                env("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_PASSWORD", PASSWORD),
                "KAFKA_SECURITY_PROTOCOL=SASL_SSL needs KAFKA_SASL_USERNAME",
                env("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "u"),
                "KAFKA_SECURITY_PROTOCOL=SASL_SSL needs KAFKA_SASL_PASSWORD",
                env("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "GSSAPI", "KAFKA_SASL_USERNAME", "u",
                        "KAFKA_SASL_PASSWORD", PASSWORD),
                "KAFKA_SASL_MECHANISM must be one of SCRAM-SHA-512, SCRAM-SHA-256, PLAIN, got 'GSSAPI'",
                env("KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", PASSWORD),
                "KAFKA_SASL_USERNAME is set, but KAFKA_SECURITY_PROTOCOL=PLAINTEXT does not use SASL: set it to SASL_SSL (or SASL_PLAINTEXT)",
                env("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SASL_PASSWORD", PASSWORD),
                "KAFKA_SASL_PASSWORD is set, but KAFKA_SECURITY_PROTOCOL=SSL does not use SASL: set it to SASL_SSL (or SASL_PLAINTEXT)",
                env("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", PASSWORD,
                        "KAFKA_SSL_TRUSTSTORE_LOCATION", store),
                "KAFKA_SSL_TRUSTSTORE_LOCATION is set, but KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT does not use TLS: set it to SASL_SSL (or SSL)",
                env("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_PASSWORD", PASSWORD),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD is set without KAFKA_SSL_TRUSTSTORE_LOCATION",
                env("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_LOCATION", folder.resolve("missing.p12").toString()),
                "KAFKA_SSL_TRUSTSTORE_LOCATION names no readable file: " + folder.resolve("missing.p12"),
                env("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_LOCATION", store, "KAFKA_SSL_TRUSTSTORE_TYPE", "p12"),
                "KAFKA_SSL_TRUSTSTORE_TYPE must be one of JKS, PKCS12, PEM, got 'p12'");
        refusals.forEach((env, message) -> {
            ConfigException refused = assertThrows(ConfigException.class, () -> KafkaSettings.producer(env, "p"), message);
            assertEquals(message, refused.getMessage());
            assertFalse(refused.getMessage().contains(PASSWORD));
        });
    }

    @Test
    void aProducerWithABadCombinationStopsAtItsSettingsNotInTheLoop() {
        EnvConfig env = env("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "u");
        ConfigException refused = assertThrows(ConfigException.class, () -> dev.kafkapipeline.common.producer.ProducerSettings
                .from(env, "p", "faker", java.time.Duration.ZERO));
        assertTrue(refused.getMessage().contains("KAFKA_SASL_PASSWORD"), refused.getMessage());
    }
}
