package dev.kafkapipeline.watch;

import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.stack.NativeStack;
import java.util.Optional;

/**
 * Where the page listens and what it watches.
 *
 * @param bind      the address it listens on: 127.0.0.1, except inside a container, whose published port is on 127.0.0.1
 * @param clients   the variables Kafka clients are built from (KAFKA_BROKER_URL and the security settings)
 * @param stack     the native stack whose processes it shows; empty where ./pipeline does not run them (Docker)
 */
public record WatchSettings(String bind, int port, EnvConfig clients, String connectUrl, CassandraSettings cassandra,
                            Optional<NativeStack> stack) {

    public static final String LOOPBACK = "127.0.0.1";

    /** The page of a native stack: its addresses and process table as ./pipeline knows them. */
    public static WatchSettings forStack(NativeStack stack, int port) {
        return new WatchSettings(LOOPBACK, port, stack.serviceEnvironment(), stack.connectUrl(), stack.cassandraSettings(),
                Optional.of(stack));
    }

    /** Anywhere else (Docker): the services' variables, plus CONNECT_URL, WATCH_PORT and WATCH_BIND. */
    public static WatchSettings fromEnvironment(EnvConfig env) {
        return new WatchSettings(env.string("WATCH_BIND", LOOPBACK), env.port("WATCH_PORT", 8050), env,
                env.string("CONNECT_URL", "http://localhost:8083"), CassandraSettings.from(env), Optional.empty());
    }

    public String url() {
        return "http://" + (bind.equals("0.0.0.0") ? LOOPBACK : bind) + ":" + port + "/";
    }
}
