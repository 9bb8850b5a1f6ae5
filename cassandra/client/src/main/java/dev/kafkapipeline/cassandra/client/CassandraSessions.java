package dev.kafkapipeline.cassandra.client;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;

/** Opens driver sessions configured from {@link CassandraSettings}; the one place that builds a CqlSession. */
public final class CassandraSessions {
    private CassandraSessions() {}

    public static CqlSession open(CassandraSettings settings) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, settings.requestTimeout())
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, settings.requestTimeout())
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, settings.schemaTimeout())
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, settings.schemaTimeout())
                // The default backs off to 60 s, so writers would idle for up to a minute after Cassandra is back.
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, java.time.Duration.ofSeconds(5))
                .build();
        return CqlSession.builder()
                .addContactPoints(settings.hosts().stream().map(h -> new InetSocketAddress(h, settings.port())).toList())
                .withLocalDatacenter(settings.localDatacenter())
                .withConfigLoader(config)
                .build();
    }
}
