package dev.kafkapipeline.f1.archive;

import dev.kafkapipeline.common.retry.Backoff;
import dev.kafkapipeline.common.retry.Pause;
import dev.kafkapipeline.common.service.ServiceFailure;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches from the archive until it answers, as a service must when it starts
 * without internet: a network error (no connection, a timeout, a 5xx, a
 * download broken off) is logged in one line and the whole fetch is tried
 * again after a pause that doubles from 1 s to 60 s, for as long as it takes
 * or until the thread is interrupted. What asking again cannot fix (a session
 * that does not exist, a file that does not parse) is thrown at once.
 */
public final class ArchiveWait {
    public static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveWait.class);

    private final String archive;
    private final Pause pause;
    private final Consumer<String> log;

    public ArchiveWait(List<URI> bases, Pause pause) {
        this(bases, pause, LOG::warn);
    }

    ArchiveWait(List<URI> bases, Pause pause, Consumer<String> log) {
        this.archive = bases.stream().map(URI::toString).collect(Collectors.joining(", "));
        this.pause = pause;
        this.log = log;
    }

    /**
     * What {@code fetch} returns, once it returns.
     *
     * @throws InterruptedException when the thread was interrupted (the producer was stopped) during a try or a pause
     */
    public <T> T fetch(Supplier<T> fetch) throws InterruptedException {
        for (int failuresInARow = 1; ; failuresInARow++) {
            String reason;
            try {
                return fetch.get();
            } catch (ArchiveException e) {
                if (e.reason() != ArchiveException.Reason.UNAVAILABLE) {
                    throw e;
                }
                reason = e.getMessage();
            } catch (UncheckedIOException e) {
                // The timing-stream reader's wrapping of a body that broke off mid-download.
                reason = e.getMessage();
            }
            // A stop interrupts the download too, which then fails like a network error: it is a stop.
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped while fetching from " + archive);
            }
            Duration wait = BACKOFF.after(failuresInARow);
            log.accept("archive " + archive + " unreachable (" + ServiceFailure.oneLine(reason) + "); retrying in " + wait.toSeconds() + " s");
            pause.sleep(wait);
        }
    }

    /** With mirrors, the archive client's message lists each base's failure on a line of its own. */}
