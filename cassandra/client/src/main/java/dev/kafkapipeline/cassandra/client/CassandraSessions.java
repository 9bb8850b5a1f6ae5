package dev.kafkapipeline.cassandra.client;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.internal.core.auth.PlainTextAuthProvider;
import com.datastax.oss.driver.internal.core.ssl.DefaultSslEngineFactory;
import java.net.InetSocketAddress;

/** Opens driver sessions configured from {@link CassandraSettings}; the one place that builds a CqlSession. */
public final class CassandraSessions {
    private CassandraSessions() {}

    public static CqlSession open(CassandraSettings settings) {
        return build(settings, config(settings));
    }

    /**
     * A session that only runs statements (./pipeline cql, status, render, the
     * live page): it skips loading the schema metadata and the token map at
     * start, which such a reader never uses (the writers' sessions keep them),
     * takes write timestamps from Java's clock instead of the native one, whose
     * loading (JNR) costs a short command a good part of its CPU, and closes at
     * once (netty's default quiet period adds 2 s to every close).
     */
    public static CqlSession openForStatements(CassandraSettings settings) {
        return build(settings, config(settings)
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
                .withBoolean(DefaultDriverOption.TIMESTAMP_GENERATOR_FORCE_JAVA_CLOCK, true)
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0));
    }

    private static ProgrammaticDriverConfigLoaderBuilder config(CassandraSettings settings) {
        ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, settings.requestTimeout())
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, settings.requestTimeout())
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, settings.schemaTimeout())
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, settings.schemaTimeout())
                // The default backs off to 60 s, so writers would idle for up to a minute after Cassandra is back.
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, java.time.Duration.ofSeconds(5));
        security(config, settings.security());
        return config;
    }

    private static CqlSession build(CassandraSettings settings, ProgrammaticDriverConfigLoaderBuilder config) {
        return CqlSession.builder()
                .addContactPoints(settings.contactPoints().stream()
                        .map(point -> new InetSocketAddress(point.host(), point.port()))
                        .toList())
                .withLocalDatacenter(settings.localDatacenter())
                .withConfigLoader(config.build())
                .build();
    }

    /** The driver's own plain-text auth provider and JDK TLS engine, configured rather than coded, as its manual shows. */
    private static void security(ProgrammaticDriverConfigLoaderBuilder config, CassandraSecurity security) {
        security.login().ifPresent(login -> config
                .withClass(DefaultDriverOption.AUTH_PROVIDER_CLASS, PlainTextAuthProvider.class)
                .withString(DefaultDriverOption.AUTH_PROVIDER_USER_NAME, login.username())
                .withString(DefaultDriverOption.AUTH_PROVIDER_PASSWORD, login.password().reveal()));
        security.tls().ifPresent(tls -> {
            config.withClass(DefaultDriverOption.SSL_ENGINE_FACTORY_CLASS, DefaultSslEngineFactory.class)
                    .withBoolean(DefaultDriverOption.SSL_HOSTNAME_VALIDATION, tls.hostnameValidation());
            tls.trustStore().ifPresent(path -> config.withString(DefaultDriverOption.SSL_TRUSTSTORE_PATH, path.toString()));
            tls.trustStorePassword().ifPresent(password ->
                    config.withString(DefaultDriverOption.SSL_TRUSTSTORE_PASSWORD, password.reveal()));
        });
    }
}
