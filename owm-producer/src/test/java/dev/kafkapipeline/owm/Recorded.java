package dev.kafkapipeline.owm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/** Responses recorded from the real services, stored under src/test/resources/responses. */
public final class Recorded {
    private Recorded() {}

    public static String body(String name) {
        try (InputStream in = Recorded.class.getResourceAsStream("/responses/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded response " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MockResponse json(int status, String name) {
        return new MockResponse.Builder().code(status)
                .setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body(name)).build();
    }
}
