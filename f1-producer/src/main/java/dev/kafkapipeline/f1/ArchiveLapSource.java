package dev.kafkapipeline.f1;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.RecordSource;
import dev.kafkapipeline.common.service.ServiceFailure;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveException;
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
 * {@link LapSource} does. What the archive cannot give, or gives unreadable,
 * ends the run with one line; a driver the session lacks is a bad F1_DRIVERS.
 */
final class ArchiveLapSource implements RecordSource {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveLapSource.class);

    private final F1Settings settings;
    private LapSource laps;

    ArchiveLapSource(F1Settings settings) {
        this.settings = settings;
    }

    @Override
    public void prepare() {
        SessionLaps session;
        try {
            session = read();
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
        try (ArchiveClient archive = new ArchiveClient(settings.archive())) {
            String path = new SessionLocator(archive).locate(settings.session());
            LOG.info("reading {} ({}) from {}", settings.session(), path, settings.archive().bases());
            return new SessionLoader(archive).load(path);
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
