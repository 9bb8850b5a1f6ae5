package dev.kafkapipeline.owm.provider;

import dev.kafkapipeline.owm.config.ApiKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * GETs with connect, read and overall timeouts. A failed call becomes an
 * UNAVAILABLE {@link WeatherApiException} whose message names the host and
 * path only: okhttp's own messages and URLs can carry the query string, and so
 * the key, so neither is passed on (nor kept as the cause).
 */
public final class HttpGateway {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final OkHttpClient client;
    private final Optional<ApiKey> key;

    public HttpGateway(Duration connectTimeout, Duration readTimeout, Optional<ApiKey> key) {
        this.client = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .callTimeout(connectTimeout.plus(readTimeout).multipliedBy(2))
                .retryOnConnectionFailure(false)
                .build();
        this.key = key;
    }

    public static HttpGateway withDefaultTimeouts(Optional<ApiKey> key) {
        return new HttpGateway(CONNECT_TIMEOUT, READ_TIMEOUT, key);
    }

    public ApiResponse get(HttpUrl url) throws WeatherApiException, InterruptedException {
        Request request = new Request.Builder().url(url).header("Accept", "application/json").build();
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            return new ApiResponse(response.code(), response.header("Retry-After"), body.bytes());
        } catch (SocketTimeoutException e) {
            throw new WeatherApiException(WeatherApiException.Kind.UNAVAILABLE, "no answer in time from " + where(url));
        } catch (InterruptedIOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopped while calling " + where(url));
            }
            throw new WeatherApiException(WeatherApiException.Kind.UNAVAILABLE, "no answer in time from " + where(url));
        } catch (IOException e) {
            throw new WeatherApiException(WeatherApiException.Kind.UNAVAILABLE,
                    "cannot reach " + where(url) + ": " + e.getClass().getSimpleName() + " " + redact(e.getMessage()));
        }
    }

    /** Scheme, host, port and path: never the query, which holds the key. */
    public static String where(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
    }

    private String redact(String message) {
        if (message == null) {
            return "";
        }
        return key.map(k -> k.redact(message)).orElse(message);
    }
}
