package dev.kafkapipeline.owm.config;

import java.util.Objects;

/**
 * An OpenWeatherMap API key. It never prints itself, and {@link #redact} takes
 * it out of any text (an exception message, a URL) before that text is logged.
 */
public final class ApiKey {
    private static final String HIDDEN = "***";
    private final String value;

    public ApiKey(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The key itself, only for building the request. */
    public String reveal() {
        return value;
    }

    public String redact(String text) {
        return text == null ? null : text.replace(value, HIDDEN);
    }

    @Override
    public String toString() {
        return "ApiKey[" + HIDDEN + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
