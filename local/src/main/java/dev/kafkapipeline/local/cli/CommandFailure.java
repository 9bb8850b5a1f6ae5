package dev.kafkapipeline.local.cli;

/** A command could not do its work; the message says why and what fixes it, in one line. Exit code 1. */
final class CommandFailure extends RuntimeException {
    CommandFailure(String message) {
        super(message);
    }
}
