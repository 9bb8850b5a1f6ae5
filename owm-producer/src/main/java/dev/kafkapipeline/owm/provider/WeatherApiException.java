package dev.kafkapipeline.owm.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A weather API call that gave no report, and what the producer should do
 * about it. Messages never contain the API key or a URL with a query string.
 */
public final class WeatherApiException extends Exception {
    public enum Kind {
        /** 401: the key was refused; asking again will not help. */
        KEY_REJECTED,
        /** 404: the service does not know the city; skip it. */
        CITY_NOT_FOUND,
        /** 429: too many calls; wait (Retry-After when given) and retry. */
        RATE_LIMITED,
        /** 5xx, a timeout or a broken connection; retry with backoff. */
        UNAVAILABLE,
        /** An answer that is not the expected JSON; log and skip this report. */
        MALFORMED
    }

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;

    public WeatherApiException(Kind kind, String message) {
        this(kind, message, Optional.empty());
    }

    public WeatherApiException(Kind kind, String message, Optional<Duration> retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
