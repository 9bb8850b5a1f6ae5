package dev.kafkapipeline.f1;

import dev.kafkapipeline.testsupport.F1Archive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/**
 * A stand-in for the live-timing archive under {@code /static/}: it answers
 * requests with the failures it is given, in order, then serves the files of
 * the archive sample in the repository (404 for what it lacks).
 */
final class FlakyArchive extends Dispatcher {
    /** A failure for the file asked for, or null to serve that file and keep the failure for a later request. */
    interface Failure extends Function<Path, MockResponse> {}

    static final Failure UNAVAILABLE = file -> new MockResponse.Builder().code(503).body("Service Unavailable").build();
    /** The connection is closed before any answer. (Closed at onRequestStart, a kept-alive connection answers an empty 200.) */
    static final Failure HANG_UP = file -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();

    /** The next request for a file named {@code name} gets a whole answer that is not what the file should hold. */
    static Failure garbled(String name) {
        return file -> file.getFileName().toString().equals(name)
                ? new MockResponse.Builder().body("<html>Moved to the new archive</html>").build()
                : null;
    }

    /** The next request for a file named {@code name} gets the headers and part of the body, then the connection closes. */
    static Failure cutOff(String name) {
        return file -> file.getFileName().toString().equals(name)
                ? new MockResponse.Builder().body(contents(file)).onResponseBody(new SocketEffect.CloseSocket()).build()
                : null;
    }

    private final Path root = F1Archive.root();
    private final Deque<Failure> failures;

    FlakyArchive(List<Failure> failures) {
        this.failures = new ArrayDeque<>(failures);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = URLDecoder.decode(request.getUrl().encodedPath(), StandardCharsets.UTF_8);
        Path file = root.resolve(path.substring("/static/".length())).normalize();
        MockResponse failure = failures.isEmpty() ? null : failures.peek().apply(file);
        if (failure != null) {
            failures.poll();
            return failure;
        }
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return new MockResponse.Builder().code(404).build();
        }
        return new MockResponse.Builder().body(contents(file)).build();
    }

    private static Buffer contents(Path file) {
        try {
            return new Buffer().write(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
