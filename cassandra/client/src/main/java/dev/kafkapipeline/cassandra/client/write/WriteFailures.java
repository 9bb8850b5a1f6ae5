package dev.kafkapipeline.cassandra.client.write;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.CDCWriteFailureException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Tells a write Cassandra will take later from one it refused for good. Only
 * Cassandra being unreachable or overloaded is worth waiting for; any other
 * failure (an invalid query, a server error, a frame too long, ...) would fail
 * again the same way, so it is the row's rejection, not a reason to stall the sink.
 */
final class WriteFailures {
    private static final Set<Class<? extends Throwable>> OUTAGES = Set.of(
            DriverTimeoutException.class, NodeUnavailableException.class, RequestThrottlingException.class,
            BusyConnectionException.class, ClosedConnectionException.class, ConnectionInitException.class,
            HeartbeatException.class, BootstrappingException.class, OverloadedException.class,
            UnavailableException.class, ReadTimeoutException.class, WriteTimeoutException.class,
            // The CDC space is full until the consumer of the CDC log catches up: Cassandra's kind of overload.
            CDCWriteFailureException.class);

    private WriteFailures() {}

    static boolean isOutage(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof AllNodesFailedException all) {
            // NoNodeAvailableException carries no error at all: no node was up to try.
            return all.getAllErrors().values().stream().flatMap(List::stream).allMatch(WriteFailures::isOutage);
        }
        return OUTAGES.stream().anyMatch(type -> type.isInstance(cause));
    }

    /** The driver's own failure, without the wrappers of the futures it travelled through. */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
