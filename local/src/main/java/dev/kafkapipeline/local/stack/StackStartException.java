package dev.kafkapipeline.local.stack;

/** The stack could not start; the message is one line naming the cause, then the log path and tail when there is a log. */
public final class StackStartException extends RuntimeException {
    public StackStartException(String message) {
        super(message);
    }

    public StackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
