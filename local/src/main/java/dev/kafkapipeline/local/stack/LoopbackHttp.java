package dev.kafkapipeline.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP to the stack's own servers (Kafka Connect's REST API, Jupyter):
 * one exchange, its status and body. It goes through {@link HttpURLConnection}
 * rather than {@code java.net.http.HttpClient}, which sets up TLS whenever one
 * is made (some 600 classes and a few MB of buffers), a cost the live page,
 * asking Connect every second, would carry for nothing.
 */
public final class LoopbackHttp {
    /** What the server answered. */
    public record Answer(int status, String body) {}

    private LoopbackHttp() {}

    /** GETs the URL; an IOException when nothing answers within the timeout. */
    public static Answer get(String url, Duration timeout) throws IOException {
        return exchange("GET", url, null, timeout);
    }

    /** Whether the URL answers 200 within the timeout. */
    public static boolean answersOk(String url, Duration timeout) {
        try {
            return get(url, timeout).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends the request, with {@code json} as its body (none when null); an IOException when nothing answers within the timeout. */
    public static Answer exchange(String method, String url, String json, Duration timeout) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setConnectTimeout((int) timeout.toMillis());
        connection.setReadTimeout((int) timeout.toMillis());
        connection.setRequestMethod(method);
        // A PUT or POST without a body still says so (Content-Length: 0); a GET given a body would become a POST.
        if (json != null || method.equals("PUT") || method.equals("POST")) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        // Each body read to its end and closed, rather than the connection dropped, keeps it for the next call.
        return new Answer(status, body(status < 400 ? connection.getInputStream() : connection.getErrorStream()));
    }

    private static String body(InputStream stream) throws IOException {
        if (stream == null) {
            return "";
        }
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
