package dev.kafkapipeline.common.config;

/** A configuration value is missing or malformed; the message names the variable and what was expected. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
