package dev.kafkapipeline.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.PipelineSchema;
import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.config.Secret;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.kafka.KafkaSettings;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.service.ServiceFailure;
import dev.kafkapipeline.common.service.ServiceRunner;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.common.producer.ProducerSettings;
import dev.kafkapipeline.connect.CassandraSinkConfig;
import dev.kafkapipeline.consumers.secured.LogCapture;
import dev.kafkapipeline.consumers.secured.SecuredBroker;
import dev.kafkapipeline.consumers.secured.SecuredCassandra;
import dev.kafkapipeline.consumers.secured.TestTls;
import dev.kafkapipeline.testsupport.Eventually;
import dev.kafkapipeline.testsupport.FakerRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

/**
 * The services against a secured Kafka (SASL_SSL, SCRAM-SHA-512) and a secured
 * Cassandra (PasswordAuthenticator, client TLS only), both real servers of this
 * test's own on 127.0.0.1, configured only through the services' environment
 * variables. With the credentials they connect; without them, with a wrong
 * password or without TLS they are refused, each within a bounded time; and
 * the passwords appear in no log line of the clients.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecuredClusterTest {
    private static final String USER = "pipeline";
    /** Random per run; the quotes, backslash and spaces test the JAAS line's and the CQL literal's escaping. */
    private static final String KAFKA_PASSWORD_CORE = TestTls.randomPassword().reveal();
    private static final String CASSANDRA_PASSWORD_CORE = TestTls.randomPassword().reveal();
    private static final Secret KAFKA_PASSWORD = new Secret("kafka-" + KAFKA_PASSWORD_CORE + " \"q\" \\ it's;");
    private static final Secret CASSANDRA_PASSWORD = new Secret("cass-" + CASSANDRA_PASSWORD_CORE + " it's \"q\" \\");
    /** A refusal must come at least this fast; the clients' own defaults would wait a minute. */
    private static final Duration REFUSAL_BOUND = Duration.ofSeconds(20);
    /** Cassandra starts in 15-25 s on a quiet machine; a loaded one (load 40 on 2 cores) took 110 s. */
    private static final Duration START = Duration.ofSeconds(180);

    /**
     * Ports of this test's own: the build's offset plus numbers that no other
     * stack's usual port (9092, 9093, 9042, 7000, 8083, 8888) plus a round
     * offset of its own would give.
     */
    private static final int OFFSET = EnvConfig.fromEnvironment().integer("PIPELINE_TEST_PORT_OFFSET", 10000);
    private static final int KAFKA_PORT = OFFSET + 9571;
    private static final int KAFKA_CONTROLLER_PORT = OFFSET + 9572;
    private static final int CQL_PORT = OFFSET + 9541;
    private static final int STORAGE_PORT = OFFSET + 7571;
    /** A port nothing listens on: the first entry of each address list, so the lists are shown to work past a dead entry. */
    private static final int CLOSED_PORT = OFFSET + 9579;

    private static final Map<String, String> NO_TRUST_STORE = Map.of("KAFKA_SSL_TRUSTSTORE_LOCATION", "",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD", "", "KAFKA_SSL_TRUSTSTORE_TYPE", "");
    private static final Map<String, String> NO_SASL = Map.of("KAFKA_SASL_MECHANISM", "", "KAFKA_SASL_USERNAME", "",
            "KAFKA_SASL_PASSWORD", "");

    private static LogCapture logs;
    private static TestTls tls;
    private static SecuredBroker broker;
    private static SecuredCassandra cassandra;
    private static EnvConfig env;

    @BeforeAll
    static void startSecuredServers() throws Exception {
        logs = LogCapture.start();
        // In target/, so their logs stay for a look after a failure; made afresh each run, never committed.
        Path home = Path.of("target/secured-cluster").toAbsolutePath();
        deleteRecursively(home);
        tls = TestTls.create(home.resolve("tls"));
        broker = new SecuredBroker(home.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        cassandra = new SecuredCassandra(home.resolve("cassandra"), CQL_PORT, STORAGE_PORT);
        broker.start(tls, USER, KAFKA_PASSWORD);
        cassandra.start(tls);
        Map<String, String> values = new HashMap<>();
        values.put("KAFKA_BROKER_URL", "127.0.0.1:" + CLOSED_PORT + "," + broker.bootstrap());
        values.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        values.put("KAFKA_SASL_MECHANISM", SecuredBroker.MECHANISM);
        values.put("KAFKA_SASL_USERNAME", USER);
        values.put("KAFKA_SASL_PASSWORD", KAFKA_PASSWORD.reveal());
        values.put("KAFKA_SSL_TRUSTSTORE_LOCATION", tls.trustStore().toString());
        values.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", tls.trustStorePassword().reveal());
        values.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        values.put("CASSANDRA_HOST", "127.0.0.1:" + CLOSED_PORT + "," + cassandra.contactPoint());
        values.put("CASSANDRA_DATACENTER", "datacenter1");
        values.put("CASSANDRA_USERNAME", USER);
        values.put("CASSANDRA_PASSWORD", CASSANDRA_PASSWORD.reveal());
        values.put("CASSANDRA_SSL", "true");
        values.put("CASSANDRA_SSL_TRUSTSTORE_PATH", tls.trustStore().toString());
        values.put("CASSANDRA_SSL_TRUSTSTORE_PASSWORD", tls.trustStorePassword().reveal());
        values.put("CASSANDRA_REQUEST_TIMEOUT", "5");
        env = new EnvConfig(values);
        CompletableFuture<Void> kafkaReady = CompletableFuture.runAsync(() -> broker.awaitReady(env, START));
        cassandra.awaitReadyAndCreateRole(env, USER, CASSANDRA_PASSWORD, START);
        kafkaReady.join();
    }

    @AfterAll
    static void stopSecuredServers() {
        // Side by side: each may take seconds to drain.
        CompletableFuture<Void> kafkaStopped = CompletableFuture.runAsync(() -> {
            if (broker != null) {
                broker.close();
            }
        });
        if (cassandra != null) {
            cassandra.close();
        }
        kafkaStopped.join();
        if (logs != null) {
            logs.close();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The secured environment with some variables replaced; a blank value unsets one. */
    @SafeVarargs
    private static EnvConfig envWith(Map<String, String>... overrides) {
        EnvConfig changed = env;
        for (Map<String, String> override : overrides) {
            changed = changed.with(override);
        }
        return changed;
    }

    /** A producer that gives up after the given time (the default is a minute), so that a refusal shows within the test's bound. */
    private static Properties boundedProducer(EnvConfig clientEnv, Duration wait) {
        Properties props = KafkaSettings.producer(clientEnv, "secured-it");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) wait.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) wait.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) wait.toMillis() * 2);
        return props;
    }

    /** What sending one record with these settings ends in: null for success, else the failure, within the bound. */
    private static Throwable sendOne(EnvConfig clientEnv, String topic) {
        return failureWithinBound(() -> {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(boundedProducer(clientEnv, Duration.ofSeconds(5)))) {
                producer.send(new ProducerRecord<>(topic, "k", "{}".getBytes(StandardCharsets.UTF_8))).get(15, TimeUnit.SECONDS);
            }
        });
    }

    /** Runs the action; returns what it threw (unwrapped from ExecutionException), or null; fails if it took longer than the bound. */
    private static Throwable failureWithinBound(Executable action) {
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            action.execute();
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (Throwable e) {
            failure = e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(REFUSAL_BOUND) < 0, "took " + took.toMillis() + " ms: " + failure);
        assertNoSecretIn(failure);
        return failure;
    }

    private static void assertNoSecretIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertFalse(message.contains(KAFKA_PASSWORD_CORE) || message.contains(CASSANDRA_PASSWORD_CORE), "a password in: " + message);
        }
    }

    @Test
    @Order(1)
    void kafkaClientsWithTheCredentialsRoundTripARecordOverTls() {
        String topic = "secured-" + UUID.randomUUID();
        String value = "{\"n\": 1}";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(boundedProducer(env, Duration.ofSeconds(30)))) {
            producer.send(new ProducerRecord<>(topic, "key-1", value.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the producer with the credentials was refused", e);
        }
        List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.consumer(env, "secured-it-" + UUID.randomUUID()))) {
            consumer.subscribe(List.of(topic));
            Eventually.holds("the record read back", Duration.ofSeconds(60), () -> {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
                return !read.isEmpty();
            });
        }
        assertEquals("key-1", read.get(0).key());
        assertEquals(value, new String(read.get(0).value(), StandardCharsets.UTF_8));
    }

    @Test
    @Order(2)
    void aWrongPasswordOrAnUnknownUserIsRefusedByTheBroker() {
        for (EnvConfig refused : List.of(envWith(Map.of("KAFKA_SASL_PASSWORD", "not-" + KAFKA_PASSWORD.reveal())),
                envWith(Map.of("KAFKA_SASL_USERNAME", "stranger")))) {
            assertInstanceOf(SaslAuthenticationException.class, sendOne(refused, "secured-refused"));
            Throwable polled = failureWithinBound(() -> {
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaSettings.consumer(refused, "refused"))) {
                    consumer.assign(List.of(new TopicPartition("secured-refused", 0)));
                    consumer.poll(Duration.ofSeconds(15));
                }
            });
            assertInstanceOf(SaslAuthenticationException.class, polled);
        }
    }

    @Test
    @Order(3)
    void aClientThatDoesNotTrustTheBrokersCertificateIsRefused() {
        // Without the test's trust store the JVM's public CAs are used, and they never signed the broker's certificate.
        assertInstanceOf(SslAuthenticationException.class, sendOne(envWith(NO_TRUST_STORE), "secured-refused"));
    }

    @Test
    @Order(4)
    void withoutCredentialsNothingGetsThrough() {
        ConfigException missing = assertThrows(ConfigException.class,
                () -> KafkaSettings.producer(envWith(Map.of("KAFKA_SASL_PASSWORD", "")), "secured-it"));
        assertEquals("KAFKA_SECURITY_PROTOCOL=SASL_SSL needs KAFKA_SASL_PASSWORD", missing.getMessage());
        // TLS without SASL: the broker drops the connection once the client skips the SASL handshake; nothing is delivered.
        assertInstanceOf(TimeoutException.class,
                sendOne(envWith(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL"), NO_SASL), "secured-refused"));
        // Plaintext: the TLS listener never completes a handshake; nothing is delivered.
        assertInstanceOf(TimeoutException.class,
                sendOne(envWith(Map.of("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"), NO_SASL, NO_TRUST_STORE), "secured-refused"));
    }

    @Test
    @Order(5)
    void aProducerServiceWithAWrongPasswordStopsAtOnceInsteadOfWaitingForKafka() {
        EnvConfig wrong = envWith(Map.of("KAFKA_SASL_PASSWORD", "not-" + KAFKA_PASSWORD.reveal()));
        ProducerLoop loop = new ProducerLoop(ProducerSettings.from(wrong, "secured-producer", "secured-refused", Duration.ZERO),
                Optional::empty);
        Throwable stopped = failureWithinBound(loop::run);
        ServiceFailure refused = assertInstanceOf(ServiceFailure.class, stopped);
        assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
    }

    @Test
    @Order(6)
    void aCassandraSessionWithTheCredentialsOverTlsWorks() {
        try (CqlSession session = CassandraSessions.open(CassandraSettings.from(env))) {
            List<Row> clients = session.execute("SELECT username, ssl_enabled FROM system_views.clients").all();
            assertFalse(clients.isEmpty());
            for (Row client : clients) {
                assertEquals(USER, client.getString("username"), "every connection of the session is the pipeline role's");
                assertTrue(client.getBoolean("ssl_enabled"), "and uses TLS");
            }
        }
    }

    /** The refusal of a session with these settings, within the bound; the error the secured node gave, if it gave one. */
    private static Optional<Throwable> cassandraRefusal(EnvConfig clientEnv) {
        Throwable failure = failureWithinBound(() -> CassandraSessions.open(CassandraSettings.from(clientEnv)).close());
        AllNodesFailedException refused = assertInstanceOf(AllNodesFailedException.class, failure);
        return refused.getAllErrors().entrySet().stream()
                .filter(e -> e.getKey().getEndPoint().resolve().toString().endsWith(":" + CQL_PORT))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    @Test
    @Order(7)
    void cassandraWithoutCredentialsOrWithAWrongPasswordIsAnAuthenticationError() {
        for (EnvConfig refused : List.of(envWith(Map.of("CASSANDRA_USERNAME", "", "CASSANDRA_PASSWORD", "")),
                envWith(Map.of("CASSANDRA_PASSWORD", "not-" + CASSANDRA_PASSWORD.reveal())))) {
            Throwable error = cassandraRefusal(refused).orElseThrow(() -> new AssertionError("no error from the secured node"));
            assertInstanceOf(AuthenticationException.class, error, error.toString());
        }
    }

    @Test
    @Order(8)
    void cassandraWithoutTlsIsRefusedBeforeAnyLogin() {
        Throwable error = cassandraRefusal(envWith(Map.of("CASSANDRA_SSL", "false", "CASSANDRA_SSL_TRUSTSTORE_PATH", "",
                "CASSANDRA_SSL_TRUSTSTORE_PASSWORD", ""))).orElseThrow(() -> new AssertionError("no error from the secured node"));
        assertFalse(error instanceof AuthenticationException, "refused at the connection, not at the login: " + error);
    }

    @Test
    @Order(9)
    void theConnectorsSinkConfigWithTheWorkersEnvironmentConnects() {
        // What the worker's env config provider does: ${env:NAME} becomes the variable's value.
        Map<String, String> props = new HashMap<>();
        Pattern reference = Pattern.compile("\\$\\{env:([A-Z_]+)}");
        ConsumerMappings.sinkConfig("faker-sink.json").forEach((key, value) -> {
            Matcher variable = reference.matcher(value);
            props.put(key, variable.matches() && env.raw(variable.group(1)) != null ? env.raw(variable.group(1)) : value);
        });
        CassandraSettings settings = new CassandraSinkConfig(props).cassandraSettings();
        assertEquals(CassandraSettings.from(env).security(), settings.security());
        try (CqlSession session = CassandraSessions.open(settings)) {
            assertEquals(USER, session.execute("SELECT username FROM system_views.clients LIMIT 1").one().getString(0));
        }
    }

    @Test
    @Order(10)
    void theConsumersServiceCarriesARecordFromSecuredKafkaToSecuredCassandra() throws Exception {
        CassandraSettings settings = CassandraSettings.from(env);
        try (CqlSession session = CassandraSessions.open(settings)) {
            PipelineSchema.forSettings(settings).apply(session, settings);
            String name = "secured-" + System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(boundedProducer(env, Duration.ofSeconds(30)))) {
                producer.send(new ProducerRecord<>(Topics.FAKER, name, Json.toBytes(FakerRecords.person(name, 1)))).get(30, TimeUnit.SECONDS);
            }
            ServiceRunner service = ConsumersMain.runner();
            Thread running = new Thread(() -> service.run(envWith(Map.of("TOPIC_NAME", Topics.FAKER, "CONSUMER_GROUP", "secured-consumers"))),
                    "secured-consumers");
            running.start();
            try {
                Eventually.holds("the record's row in fakerdata", Duration.ofSeconds(90),
                        () -> FakerRecords.rowsNamed(session, name) == 1);
            } finally {
                service.stop();
                running.join(Duration.ofSeconds(30).toMillis());
            }
            assertFalse(running.isAlive(), "the consumers stopped");
        }
    }

    @Test
    @Order(11)
    void thePasswordsAppearInNoLogLineOfTheClients() {
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("sasl.jaas.config = [hidden]")),
                "the Kafka clients' config dump is among the " + lines.size() + " captured lines");
        assertTrue(lines.stream().anyMatch(l -> l.contains("Authentication error")), "and the driver's refusals");
        List<String> secrets = List.of(KAFKA_PASSWORD_CORE, CASSANDRA_PASSWORD_CORE, tls.trustStorePassword().reveal(),
                tls.keyStorePassword().reveal());
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a password in the log line: " + line);
            }
        }
    }
}
