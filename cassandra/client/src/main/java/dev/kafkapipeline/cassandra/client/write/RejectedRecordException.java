package dev.kafkapipeline.cassandra.client.write;

/**
 * A record that can never be written as it is (not an object, a primary-key field
 * missing, a value that does not convert, a row Cassandra refuses): it goes to the
 * dead-letter queue with this message as the reason, and writing goes on.
 */
public class RejectedRecordException extends RuntimeException {
    public RejectedRecordException(String message) {
        super(message);
    }

    public RejectedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
