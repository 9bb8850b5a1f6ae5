package dev.kafkapipeline.common.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one configuration loader: named settings read from environment variables
 * (the original pipeline's names, such as KAFKA_BROKER_URL or SLEEP_TIME), each
 * with a default. A malformed value fails with a message that names the variable
 * and the value, never with a bare NumberFormatException.
 */
public final class EnvConfig {
    private final Map<String, String> values;

    public EnvConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The process environment. */
    public static EnvConfig fromEnvironment() {
        return new EnvConfig(System.getenv());
    }

    /** This configuration with some values replaced or added; the original is unchanged. */
    public EnvConfig with(Map<String, String> overrides) {
        var merged = new java.util.HashMap<>(values);
        merged.putAll(overrides);
        return new EnvConfig(merged);
    }

    /** The raw value, or null when the variable is unset or blank. */
    public String raw(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String string(String name, String defaultValue) {
        String value = raw(name);
        return value == null ? defaultValue : value;
    }

    public String required(String name) {
        String value = raw(name);
        if (value == null) {
            throw new ConfigException(name + " is not set");
        }
        return value;
    }

    /**
     * A password, exactly as given (spaces are part of a password; a blank value
     * counts as unset). No message of this class ever contains its value.
     */
    public Optional<Secret> secret(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Secret(value));
    }

    public int integer(String name, int defaultValue) {
        String value = raw(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got '" + value + "'");
        }
    }

    public int port(String name, int defaultValue) {
        int port = integer(name, defaultValue);
        if (port < 1 || port > 65535) {
            throw new ConfigException(name + " must be a port between 1 and 65535, got " + port);
        }
        return port;
    }

    public boolean bool(String name, boolean defaultValue) {
        String value = raw(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(name + " must be true or false, got '" + value + "'");
        };
    }

    /**
     * A duration given in seconds, fractions allowed, as the original pipeline's
     * SLEEP_TIME was; zero is allowed and means "no pause".
     */
    public Duration seconds(String name, Duration defaultValue) {
        String value = raw(name);
        if (value == null) {
            return defaultValue;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a number of seconds, got '" + value + "'");
        }
        if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new ConfigException(name + " must be zero or more seconds, got '" + value + "'");
        }
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000d));
    }

    /** A comma-separated list, entries trimmed, empty entries dropped. */
    public List<String> list(String name, List<String> defaultValue) {
        String value = raw(name);
        if (value == null) {
            return defaultValue;
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvConfig other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }
}
