package dev.kafkapipeline.cassandra.client;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How sessions prove who they are to a secured Cassandra and protect the
 * connection, from the environment: CASSANDRA_USERNAME and CASSANDRA_PASSWORD
 * (a role of PasswordAuthenticator, sent through the driver's
 * PlainTextAuthProvider), CASSANDRA_SSL (true/false), the trust store with the
 * nodes' CA (CASSANDRA_SSL_TRUSTSTORE_PATH, CASSANDRA_SSL_TRUSTSTORE_PASSWORD;
 * without one, the JVM's own CAs) and CASSANDRA_SSL_HOSTNAME_VALIDATION
 * (default true). Settings that would be silently ignored are refused in one
 * line; no message holds a password, and the record prints them as [hidden].
 */
public record CassandraSecurity(Optional<Login> login, Optional<Tls> tls) {
    public static final String USERNAME = "CASSANDRA_USERNAME";
    public static final String PASSWORD = "CASSANDRA_PASSWORD";
    public static final String SSL = "CASSANDRA_SSL";
    public static final String TRUSTSTORE_PATH = "CASSANDRA_SSL_TRUSTSTORE_PATH";
    public static final String TRUSTSTORE_PASSWORD = "CASSANDRA_SSL_TRUSTSTORE_PASSWORD";
    public static final String HOSTNAME_VALIDATION = "CASSANDRA_SSL_HOSTNAME_VALIDATION";

    /** No credentials, no TLS: what the pipeline's own nodes expect. */
    public static final CassandraSecurity NONE = new CassandraSecurity(Optional.empty(), Optional.empty());

    public record Login(String username, Secret password) {}

    /** @param hostnameValidation check that a node's certificate names the address the driver connected to */
    public record Tls(Optional<Path> trustStore, Optional<Secret> trustStorePassword, boolean hostnameValidation) {}

    public static CassandraSecurity from(EnvConfig env) {
        return new CassandraSecurity(login(env), tls(env));
    }

    private static Optional<Login> login(EnvConfig env) {
        String username = env.raw(USERNAME);
        Optional<Secret> password = env.secret(PASSWORD);
        if (username == null && password.isEmpty()) {
            return Optional.empty();
        }
        if (username == null) {
            throw new ConfigException(PASSWORD + " is set without " + USERNAME);
        }
        return Optional.of(new Login(username,
                password.orElseThrow(() -> new ConfigException(USERNAME + " is set without " + PASSWORD))));
    }

    private static Optional<Tls> tls(EnvConfig env) {
        if (!env.bool(SSL, false)) {
            Stream.of(TRUSTSTORE_PATH, TRUSTSTORE_PASSWORD, HOSTNAME_VALIDATION).filter(name -> env.raw(name) != null).findFirst()
                    .ifPresent(name -> {
                        throw new ConfigException(name + " is set, but " + SSL + " is not true");
                    });
            return Optional.empty();
        }
        String path = env.raw(TRUSTSTORE_PATH);
        Optional<Secret> password = env.secret(TRUSTSTORE_PASSWORD);
        if (path == null && password.isPresent()) {
            throw new ConfigException(TRUSTSTORE_PASSWORD + " is set without " + TRUSTSTORE_PATH);
        }
        Optional<Path> trustStore = Optional.ofNullable(path).map(Path::of);
        if (trustStore.isPresent() && !(Files.isRegularFile(trustStore.get()) && Files.isReadable(trustStore.get()))) {
            throw new ConfigException(TRUSTSTORE_PATH + " names no readable file: " + path);
        }
        return Optional.of(new Tls(trustStore, password, env.bool(HOSTNAME_VALIDATION, true)));
    }
}
