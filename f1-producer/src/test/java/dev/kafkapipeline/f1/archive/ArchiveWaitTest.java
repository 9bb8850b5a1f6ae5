package dev.kafkapipeline.f1.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.f1.stream.StreamFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ArchiveWaitTest {
    private static final List<URI> BASE = List.of(URI.create("https://livetiming.formula1.com/static/"));

    private final List<Duration> waits = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final ArchiveWait wait = new ArchiveWait(BASE, waits::add, lines::add);

    /** Fails with each of {@code failures} in turn, then answers "laps". */
    private static Supplier<String> failing(List<RuntimeException> failures) {
        List<RuntimeException> left = new ArrayList<>(failures);
        return () -> {
            if (!left.isEmpty()) {
                throw left.remove(0);
            }
            return "laps";
        };
    }

    private static ArchiveException unavailable(String message) {
        return new ArchiveException(ArchiveException.Reason.UNAVAILABLE, message);
    }

    @Test
    void networkErrorsAreRetriedWithAPauseThatDoublesUpToAMinute() throws Exception {
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            failures.add(unavailable("https://livetiming.formula1.com/static/2023/Index.json: UnknownHostException: livetiming.formula1.com"));
        }
        failures.add(new UncheckedIOException("2023/x/TimingData.jsonStream line 9: read failed: unexpected end of stream",
                new IOException("unexpected end of stream")));
        assertEquals("laps", wait.fetch(failing(failures)));
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), waits.stream().map(Duration::toSeconds).toList());
        assertEquals(9, lines.size(), "one line per try");
        assertEquals("archive https://livetiming.formula1.com/static/ unreachable (https://livetiming.formula1.com/static/2023/Index.json:"
                + " UnknownHostException: livetiming.formula1.com); retrying in 8 s", lines.get(3));
        assertTrue(lines.get(8).contains("(2023/x/TimingData.jsonStream line 9: read failed: unexpected end of stream)"), lines.get(8));
    }

    @Test
    void whatAskingAgainCannotFixIsThrownAtOnce() {
        for (RuntimeException unfixable : List.of(
                new ArchiveException(ArchiveException.Reason.NOT_FOUND, "404 Not Found: https://x/2030/y/SessionInfo.jsonStream"),
                new ArchiveException(ArchiveException.Reason.UNKNOWN_SESSION, "no event matching \"Atlantis\" in 2023/Index.json"),
                new ArchiveException(ArchiveException.Reason.MALFORMED, "2023/Index.json is not JSON"),
                new StreamFormatException("TimingData.jsonStream", 3, "invalid JSON"))) {
            assertSame(unfixable, assertThrows(RuntimeException.class, () -> wait.fetch(failing(List.of(unfixable)))));
        }
        assertEquals(List.of(), waits);
    }

    @Test
    void aMessageListingEveryMirrorIsLoggedOnOneLine() throws Exception {
        wait.fetch(failing(List.of(unavailable("2023/Index.json could not be fetched from any archive base:\n  a: HTTP 503\n  b: HTTP 502"))));
        assertEquals("archive https://livetiming.formula1.com/static/ unreachable (2023/Index.json could not be fetched from any"
                + " archive base:; a: HTTP 503; b: HTTP 502); retrying in 1 s", lines.get(0));
    }

    /** A stop interrupts the download, which then fails like a network error; that is a stop, not another try. */
    @Test
    void aTryCutShortByAStopEndsTheWait() {
        Supplier<String> interruptedDownload = () -> {
            Thread.currentThread().interrupt();
            throw unavailable("https://livetiming.formula1.com/static/2023/Index.json: timed out (interrupted)");
        };
        assertThrows(InterruptedException.class, () -> wait.fetch(interruptedDownload));
        assertEquals(List.of(), waits);
    }
}
