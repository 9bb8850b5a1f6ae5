package dev.kafkapipeline.local.cli;

/** A command was given arguments it does not take; the message says which. Exit code 2. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
