package dev.kafkapipeline.local.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.local.stack.NativeStack;
import java.time.Duration;
import java.util.List;

/** The driver session of {@code cql} and {@code cqlsh}: the stack's Cassandra, checked first, without schema metadata. */
final class CqlSessions {
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(60);

    private CqlSessions() {}

    static CqlSession open(CommandContext context) {
        NativeStack stack = context.stack();
        RunningStack.require(stack, List.of("cassandra"));
        CassandraSettings settings = stack.cassandraSettings();
        try {
            return CassandraSessions.openForStatements(settings);
        } catch (DriverException e) {
            throw new CommandFailure("Cassandra at " + settings.address() + " does not answer ("
                    + e.getMessage().lines().findFirst().orElse("") + "): see ./pipeline logs cassandra");
        }
    }
}
