package dev.kafkapipeline.common.json;

/** The bytes of a record are not the JSON object they should be. */
public final class InvalidJsonException extends RuntimeException {
    public InvalidJsonException(String message) {
        super(message);
    }
}
