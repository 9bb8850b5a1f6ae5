package dev.kafkapipeline.f1.archive;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the archive is and how hard to try: base URLs in the order they are
 * tried (the first, then the mirrors), an optional cache folder, timeouts and
 * retries with exponential backoff.
 */
public record ArchiveSettings(List<URI> bases, Path cacheDir, Duration connectTimeout, Duration readTimeout,
                              int attempts, Duration firstBackoff) {
    public static final String DEFAULT_BASE = "https://livetiming.formula1.com/static";

    public ArchiveSettings {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("at least one archive base URL is needed");
        }
        bases = List.copyOf(bases);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }

    /** One base, no cache, the usual timeouts and three attempts. */
    public static ArchiveSettings of(String base) {
        return new ArchiveSettings(List.of(baseUri(base)), null, Duration.ofSeconds(10), Duration.ofSeconds(30),
                3, Duration.ofMillis(500));
    }

    /** F1_ARCHIVE_URL, F1_ARCHIVE_MIRRORS (comma list) and F1_CACHE_DIR; a value that is no URL or folder is named. */
    public static ArchiveSettings from(EnvConfig env) {
        List<URI> bases = new ArrayList<>();
        bases.add(base("F1_ARCHIVE_URL", env.string("F1_ARCHIVE_URL", DEFAULT_BASE)));
        for (String mirror : env.list("F1_ARCHIVE_MIRRORS", List.of())) {
            bases.add(base("F1_ARCHIVE_MIRRORS", mirror));
        }
        String cache = env.raw("F1_CACHE_DIR");
        int attempts = env.integer("F1_ATTEMPTS", 3);
        if (attempts < 1) {
            throw new ConfigException("F1_ATTEMPTS must be at least 1, got " + attempts);
        }
        return new ArchiveSettings(bases, cache == null ? null : Path.of(cache),
                env.seconds("F1_CONNECT_TIMEOUT", Duration.ofSeconds(10)),
                env.seconds("F1_READ_TIMEOUT", Duration.ofSeconds(30)),
                attempts, Duration.ofMillis(500));
    }

    private static URI base(String variable, String text) {
        try {
            return baseUri(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(variable + " must be a URL or a folder, got '" + text + "'");
        }
    }

    public ArchiveSettings withBases(List<URI> newBases) {
        return new ArchiveSettings(newBases, cacheDir, connectTimeout, readTimeout, attempts, firstBackoff);
    }

    public ArchiveSettings withRetries(int newAttempts, Duration newFirstBackoff) {
        return new ArchiveSettings(bases, cacheDir, connectTimeout, readTimeout, newAttempts, newFirstBackoff);
    }

    public ArchiveSettings withCache(Path dir) {
        return new ArchiveSettings(bases, dir, connectTimeout, readTimeout, attempts, firstBackoff);
    }

    public ArchiveSettings withTimeouts(Duration connect, Duration read) {
        return new ArchiveSettings(bases, cacheDir, connect, read, attempts, firstBackoff);
    }

    /**
     * A base URL always ending in '/', so relative paths resolve under it; a bare
     * folder path is taken as a file: URL.
     */
    public static URI baseUri(String text) {
        String trimmed = text.trim();
        URI uri = trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !trimmed.matches("^[a-zA-Z]:\\\\.*")
                ? URI.create(trimmed)
                : Path.of(trimmed).toAbsolutePath().normalize().toUri();
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }
}
