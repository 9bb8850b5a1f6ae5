package dev.kafkapipeline.common.service;

/**
 * A failure the service has foreseen and its message explains in full (a
 * session the archive does not have, records Kafka refused): the runner logs
 * the message as one line, without a stack trace, and exits 1.
 */
public final class ServiceFailure extends RuntimeException {
    public ServiceFailure(String message) {
        super(message);
    }

    public ServiceFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message of several lines (a driver's, a client's) as one log line: its lines joined by "; ". */
    public static String oneLine(String message) {
        return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
