package dev.kafkapipeline.owm.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** An HTTP answer as the parsers need it: the status, the Retry-After header and the body. */
public record ApiResponse(int status, String retryAfterHeader, byte[] body) {

    /** Retry-After in seconds or as an HTTP date (RFC 9110), read against {@code now}; empty when absent or unreadable. */
    public Optional<Duration> retryAfter(Instant now) {
        if (retryAfterHeader == null || retryAfterHeader.isBlank()) {
            return Optional.empty();
        }
        String value = retryAfterHeader.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
