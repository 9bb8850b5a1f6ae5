package dev.kafkapipeline.f1.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.testsupport.F1Archive;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveClientTest {
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ArchiveSettings settings() {
        return ArchiveSettings.of(server.url("/static").toString()).withRetries(3, Duration.ofMillis(10))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void requestsTheFileUnderTheBasePath() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"Year\":2018}").build());
        try (ArchiveClient client = new ArchiveClient(settings())) {
            assertEquals("{\"Year\":2018}", read(client.open("2018/Index.json")));
        }
        assertEquals("/static/2018/Index.json", server.takeRequest().getUrl().encodedPath());
    }

    @Test
    void notFoundIsFinalAndNamesTheUrl() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        try (ArchiveClient client = new ArchiveClient(settings())) {
            ArchiveException e = assertThrows(ArchiveException.class, () -> client.open("2018/Index.json"));
            assertEquals(ArchiveException.Reason.NOT_FOUND, e.reason());
            assertTrue(e.getMessage().contains("404") && e.getMessage().contains("/static/2018/Index.json"), e.getMessage());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void forbiddenIsFinalAndExplained() {
        server.enqueue(new MockResponse.Builder().code(403).body("<Error><Code>AccessDenied</Code></Error>").build());
        try (ArchiveClient client = new ArchiveClient(settings())) {
            ArchiveException e = assertThrows(ArchiveException.class, () -> client.open("2030/Index.json"));
            assertEquals(ArchiveException.Reason.FORBIDDEN, e.reason());
            assertTrue(e.getMessage().contains("403") && e.getMessage().contains("2030/Index.json"), e.getMessage());
        }
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(502).build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        try (ArchiveClient client = new ArchiveClient(settings())) {
            assertEquals("ok", read(client.open("a.json")));
        }
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(500).build());
        }
        try (ArchiveClient client = new ArchiveClient(settings())) {
            ArchiveException e = assertThrows(ArchiveException.class, () -> client.open("a.json"));
            assertEquals(ArchiveException.Reason.UNAVAILABLE, e.reason());
            assertTrue(e.getMessage().contains("3 attempt") && e.getMessage().contains("HTTP 500"), e.getMessage());
        }
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void aTimeoutIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("late").build());
        server.enqueue(new MockResponse.Builder().body("fresh").build());
        try (ArchiveClient client = new ArchiveClient(settings())) {
            assertEquals("fresh", read(client.open("a.json")));
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void theMirrorServesWhatTheFirstBaseLacks() throws Exception {
        try (MockWebServer mirror = new MockWebServer()) {
            mirror.start(0);
            server.enqueue(new MockResponse.Builder().code(404).build());
            mirror.enqueue(new MockResponse.Builder().body("from mirror").build());
            ArchiveSettings both = settings().withBases(List.of(
                    URI.create(server.url("/static/").toString()), URI.create(mirror.url("/m/").toString())));
            try (ArchiveClient client = new ArchiveClient(both)) {
                assertEquals("from mirror", read(client.open("2018/Index.json")));
            }
            assertEquals("/m/2018/Index.json", mirror.takeRequest().getUrl().encodedPath());
        }
    }

    @Test
    void theCacheAnswersTheSecondOpen(@TempDir Path cache) throws Exception {
        server.enqueue(new MockResponse.Builder().body("cached body").build());
        try (ArchiveClient client = new ArchiveClient(settings().withCache(cache))) {
            assertEquals("cached body", read(client.open("2018/x/TimingData.jsonStream")));
            assertEquals("cached body", read(client.open("2018/x/TimingData.jsonStream")));
        }
        assertEquals(1, server.getRequestCount());
        assertEquals("cached body", Files.readString(cache.resolve("2018/x/TimingData.jsonStream")));
    }

    @Test
    void anIndexIsAskedForAfreshAndItsCachedCopyServesOnlyWhenTheArchiveFails(@TempDir Path cache) throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"Meetings\":[1]}").build());
        server.enqueue(new MockResponse.Builder().body("{\"Meetings\":[1,2]}").build());
        try (ArchiveClient client = new ArchiveClient(settings().withCache(cache))) {
            assertEquals("{\"Meetings\":[1]}", read(client.open("2026/Index.json")));
            assertEquals("{\"Meetings\":[1,2]}", read(client.open("2026/Index.json")), "a meeting added since");
            for (int attempt = 0; attempt < 3; attempt++) {
                server.enqueue(new MockResponse.Builder().code(503).build());
            }
            assertEquals("{\"Meetings\":[1,2]}", read(client.open("2026/Index.json")), "the archive is down: the cached copy");
        }
        assertEquals(5, server.getRequestCount());
    }

    /** The connection is shut down half-way through the body, as a flaky network does. */
    private static MockResponse brokenOffMidBody() {
        return new MockResponse.Builder().body("x".repeat(100_000)).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    @Test
    void aDownloadThatBreaksOffMidBodyIsRetried() throws Exception {
        server.enqueue(brokenOffMidBody());
        server.enqueue(new MockResponse.Builder().body("whole").build());
        try (ArchiveClient client = new ArchiveClient(settings())) {
            assertEquals("whole", read(client.open("2018/x/TimingData.jsonStream")));
        }
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void aDownloadThatKeepsBreakingOffIsAClearErrorAfterTheLastAttempt(@TempDir Path cache) {
        for (int i = 0; i < 3; i++) {
            server.enqueue(brokenOffMidBody());
        }
        try (ArchiveClient client = new ArchiveClient(settings().withCache(cache))) {
            ArchiveException e = assertThrows(ArchiveException.class, () -> client.open("2018/x/TimingData.jsonStream"));
            assertEquals(ArchiveException.Reason.UNAVAILABLE, e.reason());
            assertTrue(e.getMessage().matches(".*/static/2018/x/TimingData.jsonStream: "
                    + "the download broke off after \\d+ bytes .*\\(after 3 attempts\\)"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertEquals(3, server.getRequestCount());
        assertFalse(Files.exists(cache.resolve("2018/x/TimingData.jsonStream")), "no half file in the cache");
    }

    @Test
    void aPathThatLeavesTheArchiveIsRefusedWithoutARequest() {
        try (ArchiveClient client = new ArchiveClient(settings())) {
            for (String path : List.of("../secret.json", "2018/../../x.json", "/../x.json", "file:///etc/passwd", "a\\..\\b")) {
                ArchiveException e = assertThrows(ArchiveException.class, () -> client.open(path), path);
                assertEquals(ArchiveException.Reason.REFUSED, e.reason(), path);
                assertTrue(e.getMessage().contains("leaves the archive root"), e.getMessage());
            }
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aFolderWhereAFileBelongsIsRefused(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("2018/x/TimingData.jsonStream"));
        try (ArchiveClient client = new ArchiveClient(ArchiveSettings.of(root.toString()))) {
            ArchiveException e = assertThrows(ArchiveException.class, () -> client.open("2018/x/TimingData.jsonStream"));
            assertEquals(ArchiveException.Reason.REFUSED, e.reason());
            assertEquals(root.resolve("2018/x/TimingData.jsonStream") + " is a folder, not a file", e.getMessage());
        }
    }

    @Test
    void readsFileUrls() throws Exception {
        Path root = F1Archive.root();
        try (ArchiveClient client = new ArchiveClient(ArchiveSettings.of(root.toUri().toString()))) {
            assertTrue(read(client.open("2023/Index.json")).contains("\"Meetings\""));
            ArchiveException e = assertThrows(ArchiveException.class, () -> client.open("1999/Index.json"));
            assertEquals(ArchiveException.Reason.NOT_FOUND, e.reason());
            assertTrue(e.getMessage().contains("1999"), e.getMessage());
        }
    }
}
