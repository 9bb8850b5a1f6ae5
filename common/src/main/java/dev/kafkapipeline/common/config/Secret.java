package dev.kafkapipeline.common.config;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A password read from the environment. It prints as {@code [hidden]}, so a
 * settings record that holds one can be logged, thrown or shown whole; only the
 * code that hands it to a client library calls {@link #reveal()}.
 */
public final class Secret {
    private static final String HIDDEN = "[hidden]";

    private final String value;

    public Secret(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret cannot be empty");
        }
        this.value = value;
    }

    /** The value itself: for the client library's configuration, never for a message. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return HIDDEN;
    }

    @Override
    public boolean equals(Object o) {
        // Constant time, as comparing passwords should be.
        return o instanceof Secret other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        // Equal secrets must hash alike; a constant keeps the hash from saying anything about the value.
        return 0;
    }
}
