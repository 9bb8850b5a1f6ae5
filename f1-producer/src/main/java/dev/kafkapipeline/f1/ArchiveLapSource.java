package dev.kafkapipeline.f1;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.RecordSource;
import dev.kafkapipeline.common.retry.Pause;
import dev.kafkapipeline.common.service.ServiceFailure;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveException;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.f1.archive.ArchiveWait;
import dev.kafkapipeline.f1.archive.SessionLocator;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.SessionLaps;
import dev.kafkapipeline.f1.laps.SessionLoader;
import dev.kafkapipeline.f1.producer.LapSource;
import dev.kafkapipeline.f1.stream.StreamFormatException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The F1 producer's records: {@link #prepare()} reads the configured session
 * from the archive and picks the drivers' laps, then they are handed out as
 * {@link LapSource} does. While the archive cannot be reached the read is
 * tried again and again ({@link ArchiveWait}); what the archive does not have,
 * or gives unreadable, ends the run with one line; a driver the session lacks
 * is a bad F1_DRIVERS.
 */
final class ArchiveLapSource implements RecordSource {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveLapSource.class);

    private final F1Settings settings;
    /** One request per base and per try: the wait does the retrying, and says so once per try. */
    private final ArchiveSettings archive;
    private final ArchiveWait wait;
    private LapSource laps;

    ArchiveLapSource(F1Settings settings, Pause pause) {
        this.settings = settings;
        this.archive = settings.archive().withRetries(1, Duration.ZERO);
        this.wait = new ArchiveWait(archive.bases(), pause);
    }

    @Override
    public void prepare() throws InterruptedException {
        LOG.info("reading {} from {}", settings.session(), archive.bases());
        SessionLaps session;
        try {
            session = wait.fetch(this::read);
        } catch (ArchiveException | StreamFormatException e) {
            throw new ServiceFailure(e.getMessage(), e);
        }
        session.warnings().forEach(w -> LOG.warn("{}", w));
        List<Lap> selected;
        try {
            selected = settings.drivers().laps(session);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("F1_DRIVERS: " + e.getMessage());
        }
        laps = LapSource.of(session.session(), selected, settings.replaySpeed());
        LOG.info("{}: {} laps to send{}", session.session().key(), laps.size(), settings.replaySpeed().isPresent()
                ? ", replayed at " + settings.replaySpeed().getAsDouble() + "x the pace they were driven, not SLEEP_TIME" : "");
    }

    private SessionLaps read() {
        try (ArchiveClient client = new ArchiveClient(archive)) {
            return new SessionLoader(client).load(new SessionLocator(client).locate(settings.session()));
        }
    }

    @Override
    public Optional<KeyedRecord> next() {
        return laps.next();
    }

    @Override
    public boolean hasMore() {
        return laps.hasMore();
    }

    @Override
    public Duration pauseBeforeNext(Duration sleepTime) {
        return laps.pauseBeforeNext(sleepTime);
    }
}
