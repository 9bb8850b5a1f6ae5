package dev.kafkapipeline.common.kafka;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How the services reach a secured Kafka cluster, from the environment:
 * KAFKA_SECURITY_PROTOCOL (PLAINTEXT, the default; SSL; SASL_PLAINTEXT;
 * SASL_SSL), the SASL login (KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME,
 * KAFKA_SASL_PASSWORD) and the trust store that holds the brokers' CA
 * (KAFKA_SSL_TRUSTSTORE_LOCATION, _PASSWORD, _TYPE; without one, the JVM's own
 * CAs). Combinations that would silently not do what was meant (credentials
 * with a protocol that never sends them, a trust store without TLS) are
 * refused with a one-line message; no message ever holds a password.
 *
 * @param login      the SASL login; present exactly when the protocol is SASL_PLAINTEXT or SASL_SSL
 * @param trustStore present only with SSL or SASL_SSL
 */
public record KafkaSecurity(SecurityProtocol protocol, Optional<SaslLogin> login, Optional<TrustStore> trustStore) {
    public static final String PROTOCOL = "KAFKA_SECURITY_PROTOCOL";
    public static final String MECHANISM = "KAFKA_SASL_MECHANISM";
    public static final String USERNAME = "KAFKA_SASL_USERNAME";
    public static final String PASSWORD = "KAFKA_SASL_PASSWORD";
    public static final String TRUSTSTORE_LOCATION = "KAFKA_SSL_TRUSTSTORE_LOCATION";
    public static final String TRUSTSTORE_PASSWORD = "KAFKA_SSL_TRUSTSTORE_PASSWORD";
    public static final String TRUSTSTORE_TYPE = "KAFKA_SSL_TRUSTSTORE_TYPE";

    /** SCRAM first: it never sends the password itself, even where TLS is missing. */
    static final List<String> MECHANISMS = List.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN");
    static final List<String> TRUSTSTORE_TYPES = List.of("JKS", "PKCS12", "PEM");

    public static final KafkaSecurity PLAINTEXT = new KafkaSecurity(SecurityProtocol.PLAINTEXT, Optional.empty(), Optional.empty());

    /** A SASL login; the password prints as [hidden]. */
    public record SaslLogin(String mechanism, String username, Secret password) {
        /** The client's sasl.jaas.config line, with the values quoted and escaped as Kafka's JAAS parser reads them. */
        String jaasConfig() {
            String module = mechanism.equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            return module + " required username=" + quoted(username) + " password=" + quoted(password.reveal()) + ";";
        }

        /**
         * A double-quoted JAAS value. Kafka reads it with a StreamTokenizer, which
         * ends a quoted value at a line break and takes a backslash as an escape.
         */
        static String quoted(String value) {
            StringBuilder out = new StringBuilder(value.length() + 2).append('"');
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '"' -> out.append("\\\"");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }

    /** The trust store with the CA of the brokers' certificates; type empty means Kafka's default (JKS, which also reads PKCS12). */
    public record TrustStore(Path location, Optional<Secret> password, Optional<String> type) {}

    public static KafkaSecurity from(EnvConfig env) {
        SecurityProtocol protocol = protocol(env);
        boolean sasl = protocol == SecurityProtocol.SASL_PLAINTEXT || protocol == SecurityProtocol.SASL_SSL;
        boolean tls = protocol == SecurityProtocol.SSL || protocol == SecurityProtocol.SASL_SSL;
        String unused = " is set, but " + PROTOCOL + "=" + protocol.name + " does not use ";
        if (!sasl) {
            refuseIfSet(env, name -> name + unused + "SASL: set it to SASL_SSL (or SASL_PLAINTEXT)", MECHANISM, USERNAME, PASSWORD);
        }
        if (!tls) {
            refuseIfSet(env, name -> name + unused + "TLS: set it to SASL_SSL (or SSL)",
                    TRUSTSTORE_LOCATION, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE);
        }
        return new KafkaSecurity(protocol,
                sasl ? Optional.of(login(env, protocol)) : Optional.empty(),
                tls ? trustStore(env) : Optional.empty());
    }

    private static SecurityProtocol protocol(EnvConfig env) {
        String name = env.string(PROTOCOL, SecurityProtocol.PLAINTEXT.name).toUpperCase(Locale.ROOT);
        return Arrays.stream(SecurityProtocol.values())
                .filter(p -> p.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new ConfigException(PROTOCOL + " must be one of " + Arrays.stream(SecurityProtocol.values())
                        .map(p -> p.name).collect(Collectors.joining(", ")) + ", got '" + env.raw(PROTOCOL) + "'"));
    }

    private static SaslLogin login(EnvConfig env, SecurityProtocol protocol) {
        String mechanism = env.string(MECHANISM, MECHANISMS.get(0)).toUpperCase(Locale.ROOT);
        if (!MECHANISMS.contains(mechanism)) {
            throw new ConfigException(MECHANISM + " must be one of " + String.join(", ", MECHANISMS) + ", got '" + env.raw(MECHANISM) + "'");
        }
        String username = env.raw(USERNAME);
        if (username == null) {
            throw new ConfigException(PROTOCOL + "=" + protocol.name + " needs " + USERNAME);
        }
        Secret password = env.secret(PASSWORD)
                .orElseThrow(() -> new ConfigException(PROTOCOL + "=" + protocol.name + " needs " + PASSWORD));
        return new SaslLogin(mechanism, username, password);
    }

    private static Optional<TrustStore> trustStore(EnvConfig env) {
        String location = env.raw(TRUSTSTORE_LOCATION);
        if (location == null) {
            refuseIfSet(env, name -> name + " is set without " + TRUSTSTORE_LOCATION, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE);
            return Optional.empty();
        }
        Path path = Path.of(location);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(TRUSTSTORE_LOCATION + " names no readable file: " + location);
        }
        Optional<String> type = Optional.ofNullable(env.raw(TRUSTSTORE_TYPE)).map(t -> t.toUpperCase(Locale.ROOT));
        if (type.isPresent() && !TRUSTSTORE_TYPES.contains(type.get())) {
            throw new ConfigException(TRUSTSTORE_TYPE + " must be one of " + String.join(", ", TRUSTSTORE_TYPES)
                    + ", got '" + env.raw(TRUSTSTORE_TYPE) + "'");
        }
        return Optional.of(new TrustStore(path, env.secret(TRUSTSTORE_PASSWORD), type));
    }

    /** Refuses variables that would be ignored: a protocol that does not use them, or the variable they qualify missing. */
    private static void refuseIfSet(EnvConfig env, Function<String, String> message, String... names) {
        Optional<String> set = Stream.of(names).filter(name -> env.raw(name) != null).findFirst();
        if (set.isPresent()) {
            throw new ConfigException(message.apply(set.get()));
        }
    }

    /**
     * The Kafka client properties for this security setting. Passwords are
     * Kafka's {@link Password}, which prints as [hidden] in the clients' config
     * dump and in {@code Properties.toString()}.
     */
    Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name);
        login.ifPresent(l -> {
            props.put(SaslConfigs.SASL_MECHANISM, l.mechanism());
            props.put(SaslConfigs.SASL_JAAS_CONFIG, new Password(l.jaasConfig()));
        });
        trustStore.ifPresent(t -> {
            props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, t.location().toString());
            t.password().ifPresent(p -> props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, new Password(p.reveal())));
            t.type().ifPresent(type -> props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, type));
        });
        return props;
    }
}
