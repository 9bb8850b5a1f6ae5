package dev.kafkapipeline.cassandra.client.mapping;

/** A mapping that cannot be used: bad syntax, or a table or column that does not exist. */
public class MappingException extends RuntimeException {
    public MappingException(String message) {
        super(message);
    }
}
