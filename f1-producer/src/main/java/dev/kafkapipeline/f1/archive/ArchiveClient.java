package dev.kafkapipeline.f1.archive;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens files of the live-timing archive by their path relative to the archive
 * root (for example {@code 2018/Index.json}). Bases are tried in order; HTTP
 * failures that may pass (timeouts, 5xx, 429, a body that breaks off) are retried
 * with exponential backoff; 403 and 404 are final for that base. Downloads land in the cache
 * folder when one is set, and later opens read them from there; an index file
 * is downloaded again each time, its cached copy used only when no base answers.
 */
public final class ArchiveClient implements AutoCloseable {
    /** A season's index gains meetings and sessions as the season runs: always asked for afresh. */
    private static final String INDEX_FILE = "Index.json";

    /** Initialised on first use: reading a file: archive then never starts the logging backend (laps command start-up). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(ArchiveClient.class);
    }

    private final ArchiveSettings settings;
    /** Built on first HTTP use only, so file: archives never load OkHttp (start-up time of the laps command). */
    private OkHttpClient http;

    public ArchiveClient(ArchiveSettings settings) {
        this.settings = settings;
    }

    public ArchiveSettings settings() {
        return settings;
    }

    /**
     * The file's bytes as a stream; the caller closes it. A path that would leave
     * the archive ({@code ..} segments, an absolute path, another URL) is refused.
     */
    public InputStream open(String relativePath) {
        String path = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        if (!insideTheArchive(path)) {
            throw new ArchiveException(ArchiveException.Reason.REFUSED, "refused the archive path \"" + relativePath
                    + "\": it leaves the archive root");
        }
        Path cached = cacheFile(path);
        boolean growing = path.endsWith(INDEX_FILE);
        if (cached != null && Files.isRegularFile(cached) && !growing) {
            try {
                return Files.newInputStream(cached);
            } catch (IOException e) {
                Log.LOG.warn("cannot read cached {}, downloading it again: {}", cached, e.getMessage());
            }
        }
        List<ArchiveException> failures = new ArrayList<>();
        for (URI base : settings.bases()) {
            URI uri = base.resolve(path);
            try {
                if ("file".equals(uri.getScheme())) {
                    return openFile(uri);
                }
                return cached == null ? new ByteArrayInputStream(fetch(uri)) : download(uri, cached);
            } catch (ArchiveException e) {
                failures.add(e);
                if (settings.bases().size() > 1) {
                    Log.LOG.warn("{}; trying the next archive base", e.getMessage());
                }
            }
        }
        if (growing && cached != null && Files.isRegularFile(cached)) {
            Log.LOG.warn("{}; using the cached copy {}, which may lack the latest sessions", combined(path, failures).getMessage(), cached);
            try {
                return Files.newInputStream(cached);
            } catch (IOException e) {
                failures.add(new ArchiveException(ArchiveException.Reason.UNAVAILABLE, "cannot read cached " + cached + ": " + e.getMessage(), e));
            }
        }
        throw combined(path, failures);
    }

    /** A relative path with no {@code ..} segment, no scheme or drive, and no backslash. */
    static boolean insideTheArchive(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static InputStream openFile(URI uri) {
        Path file = Path.of(uri);
        if (Files.isDirectory(file)) {
            throw new ArchiveException(ArchiveException.Reason.REFUSED, file + " is a folder, not a file");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ArchiveException(ArchiveException.Reason.NOT_FOUND, "no such archive file: " + file);
        } catch (IOException e) {
            throw new ArchiveException(ArchiveException.Reason.UNAVAILABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private InputStream download(URI uri, Path target) {
        byte[] body = fetch(uri);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                Files.write(partial, body);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            Log.LOG.warn("cannot keep {} in the cache {}: {}", uri, target, e.getMessage());
        }
        return new ByteArrayInputStream(body);
    }

    /**
     * The whole body of the file, read within the attempt: a download that breaks off mid-body is retried like a
     * failed request, so a caller never reads half a file.
     */
    private byte[] fetch(URI uri) {
        Request request = new Request.Builder().url(uri.toString()).get().build();
        Duration backoff = settings.firstBackoff();
        String lastProblem = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                Log.LOG.info("retrying {} in {} ms (attempt {} of {}): {}", uri, backoff.toMillis(), attempt,
                        settings.attempts(), lastProblem);
                pause(backoff, uri);
                backoff = backoff.multipliedBy(2);
            }
            try (Response response = client().newCall(request).execute()) {
                int code = response.code();
                if (response.isSuccessful()) {
                    CountingStream body = new CountingStream(response.body().byteStream());
                    try {
                        return body.readAllBytes();
                    } catch (IOException e) {
                        lastProblem = "the download broke off after " + body.count + " bytes (" + e.getMessage() + ")";
                        continue;
                    }
                }
                if (code == 404) {
                    throw new ArchiveException(ArchiveException.Reason.NOT_FOUND, "404 Not Found: " + uri);
                }
                if (code == 403) {
                    throw new ArchiveException(ArchiveException.Reason.FORBIDDEN,
                            "403 Forbidden: " + uri + " (the archive answers 403 for files it does not have or has not published yet)");
                }
                lastProblem = "HTTP " + code;
                if (code != 429 && code < 500) {
                    break;
                }
            } catch (InterruptedIOException e) {
                lastProblem = "timed out (" + e.getMessage() + ")";
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        throw new ArchiveException(ArchiveException.Reason.UNAVAILABLE, uri + ": " + lastProblem
                + (settings.attempts() > 1 ? " (after " + settings.attempts() + " attempts)" : ""));
    }

    /** Counts the bytes read, to say where a download broke off. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private static void pause(Duration backoff, URI uri) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveException(ArchiveException.Reason.UNAVAILABLE, "interrupted while waiting to retry " + uri, e);
        }
    }

    private synchronized OkHttpClient client() {
        if (http == null) {
            http = new OkHttpClient.Builder()
                    .connectTimeout(settings.connectTimeout())
                    .readTimeout(settings.readTimeout())
                    .retryOnConnectionFailure(false)
                    .build();
        }
        return http;
    }

    private Path cacheFile(String path) {
        if (settings.cacheDir() == null || settings.bases().stream().allMatch(b -> "file".equals(b.getScheme()))) {
            return null;
        }
        Path file = settings.cacheDir().resolve(path).normalize();
        if (!file.startsWith(settings.cacheDir().normalize())) {
            throw new ArchiveException(ArchiveException.Reason.NOT_FOUND, "archive path leaves the cache folder: " + path);
        }
        return file;
    }

    private static ArchiveException combined(String path, List<ArchiveException> failures) {
        if (failures.size() == 1) {
            return failures.get(0);
        }
        boolean allMissing = failures.stream().allMatch(f -> f.reason() == ArchiveException.Reason.NOT_FOUND
                || f.reason() == ArchiveException.Reason.FORBIDDEN);
        StringBuilder message = new StringBuilder(path).append(" could not be fetched from any archive base:");
        failures.forEach(f -> message.append("\n  ").append(f.getMessage()));
        return new ArchiveException(allMissing ? ArchiveException.Reason.NOT_FOUND : ArchiveException.Reason.UNAVAILABLE,
                message.toString());
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
