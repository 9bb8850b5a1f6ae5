package dev.kafkapipeline.cassandra.client.write;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.connection.FrameTooLongException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.CDCWriteFailureException;
import com.datastax.oss.driver.api.core.servererrors.CoordinatorException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Tells a write Cassandra will take later from one it refused for good. A row
 * is refused only when Cassandra answered the request with an error about it
 * (an invalid query, a server error, a failure its replicas reported), or when
 * the driver cannot even send it (a frame too long, a value with no codec):
 * those would fail again the same way, so they are the row's rejection, not a
 * reason to stall the sink. Everything else, above all any failure that got no
 * answer at all (a connection closed under the request, however the driver or
 * netty names it; no node left to try; a timeout), and the answers that mean
 * "later" (overloaded, unavailable, bootstrapping, timed out), is waited for:
 * a write wrongly waited for stalls the sink where everyone sees it, a write
 * wrongly refused would be lost once its record is dead-lettered and committed.
 */
final class WriteFailures {
    /** Answers from Cassandra that mean "not now". */
    private static final Set<Class<? extends Throwable>> LATER = Set.of(
            BootstrappingException.class, OverloadedException.class, UnavailableException.class,
            ReadTimeoutException.class, WriteTimeoutException.class,
            // The CDC space is full until the consumer of the CDC log catches up: Cassandra's kind of overload.
            CDCWriteFailureException.class);
    /** Failures of the driver itself that would come again for the same request. */
    private static final Set<Class<? extends Throwable>> UNSENDABLE = Set.of(
            FrameTooLongException.class, CodecNotFoundException.class, IllegalArgumentException.class);

    private WriteFailures() {}

    static boolean isOutage(Throwable error) {
        return !isRefusal(unwrap(error));
    }

    private static boolean isRefusal(Throwable cause) {
        if (cause instanceof AllNodesFailedException all) {
            // NoNodeAvailableException carries no error at all: no node was up to try.
            List<Throwable> errors = all.getAllErrors().values().stream().flatMap(List::stream).toList();
            return !errors.isEmpty() && errors.stream().allMatch(WriteFailures::isRefusal);
        }
        if (cause instanceof CoordinatorException) {
            return LATER.stream().noneMatch(type -> type.isInstance(cause));
        }
        return UNSENDABLE.stream().anyMatch(type -> type.isInstance(cause));
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
