package dev.kafkapipeline.cassandra.client.write;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.FrameTooLongException;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteFailureException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What the driver reports, sorted into "wait for Cassandra" and "the row's own fault". */
class WriteFailuresTest {
    @Test
    void unreachableOrOverloadedIsAnOutage() {
        assertTrue(WriteFailures.isOutage(new NoNodeAvailableException()));
        assertTrue(WriteFailures.isOutage(new DriverTimeoutException("timed out")));
        assertTrue(WriteFailures.isOutage(new OverloadedException(null)));
        assertTrue(WriteFailures.isOutage(new UnavailableException(null, DefaultConsistencyLevel.ONE, 1, 0)));
        assertTrue(WriteFailures.isOutage(new WriteTimeoutException(null, DefaultConsistencyLevel.ONE, 0, 1, WriteType.SIMPLE)));
        assertTrue(WriteFailures.isOutage(new CompletionException(new NoNodeAvailableException())), "seen through a future's wrapper");
        assertTrue(WriteFailures.isOutage(allNodesFailed(new OverloadedException(null))));
    }

    /**
     * A node killed under a request: the driver reports the closed channel as
     * netty names it, inside "all nodes failed". Seen in the fault run, where it
     * was once taken for a refusal and five acknowledged keys went to the
     * dead-letter queue instead of Cassandra.
     */
    @Test
    void aFailureWithNoAnswerFromCassandraIsAnOutageWhateverItsName() {
        assertTrue(WriteFailures.isOutage(allNodesFailed(new java.nio.channels.ClosedChannelException())));
        assertTrue(WriteFailures.isOutage(allNodesFailed(new java.io.IOException("Connection reset by peer"))));
        assertTrue(WriteFailures.isOutage(new IllegalStateException("Session is closed")));
        assertTrue(WriteFailures.isOutage(allNodesFailed(new ServerError(null, "mutation too large"), new java.io.IOException("reset"))),
                "a refusal from one node and no answer from another: try again");
    }

    @Test
    void whatWouldFailAgainIsTheRowsRejection() {
        assertFalse(WriteFailures.isOutage(new InvalidQueryException(null, "Batch too large")));
        assertFalse(WriteFailures.isOutage(new ServerError(null, "java.lang.IllegalArgumentException")));
        assertFalse(WriteFailures.isOutage(new WriteFailureException(null, DefaultConsistencyLevel.ONE, 0, 1, WriteType.SIMPLE, 1, Map.of())));
        assertFalse(WriteFailures.isOutage(new FrameTooLongException(new InetSocketAddress(9042), "frame too long")));
        assertFalse(WriteFailures.isOutage(new IllegalArgumentException("no codec")));
        // The driver tries the next node on a server error; with none left it reports all nodes failed.
        assertFalse(WriteFailures.isOutage(allNodesFailed(new ServerError(null, "mutation too large"))));
    }

    /** What the driver throws once every node of the query plan failed; the node only names where. */
    private static AllNodesFailedException allNodesFailed(Throwable... errors) {
        Map<Node, Throwable> byNode = new java.util.LinkedHashMap<>();
        for (int i = 0; i < errors.length; i++) {
            int number = i + 1;
            Node node = (Node) Proxy.newProxyInstance(Node.class.getClassLoader(), new Class<?>[] {Node.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "toString" -> "node" + number;
                        case "hashCode" -> number;
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
            byNode.put(node, errors[i]);
        }
        return AllNodesFailedException.fromErrors(byNode);
    }
}
