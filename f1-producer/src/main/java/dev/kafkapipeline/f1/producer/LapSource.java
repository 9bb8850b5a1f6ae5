package dev.kafkapipeline.f1.producer;

import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.RecordSource;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.Session;
import dev.kafkapipeline.f1.record.LapRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's laps as records for the shared producer loop, keyed
 * {@code <session_key>/<driver>}, in the order they were completed so the topic
 * reads like the race. Between two laps the loop pauses SLEEP_TIME or, in a
 * replay, the real time between the two lap completions divided by the speed.
 * Every {@link #PROGRESS_EVERY} it logs how far it got ("laps sent 12 of 91").
 */
public final class LapSource implements RecordSource {
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(LapSource.class);

    private final Session session;
    private final List<Lap> laps;
    /** In a replay, the pause before lap i; empty when SLEEP_TIME paces the laps. */
    private final Optional<List<Duration>> replayPauses;
    private final Consumer<String> progress;
    private final LongSupplier nanoClock;
    private int next;
    private long nextProgress;

    LapSource(Session session, List<Lap> laps, OptionalDouble replaySpeed, Consumer<String> progress, LongSupplier nanoClock) {
        this.session = session;
        this.laps = inCompletionOrder(laps);
        this.replayPauses = replaySpeed.isPresent() ? Optional.of(replayPauses(this.laps, replaySpeed.getAsDouble())) : Optional.empty();
        this.progress = progress;
        this.nanoClock = nanoClock;
        this.nextProgress = nanoClock.getAsLong();
    }

    public static LapSource of(Session session, List<Lap> laps, OptionalDouble replaySpeed) {
        return new LapSource(session, laps, replaySpeed, LOG::info, System::nanoTime);
    }

    public int size() {
        return laps.size();
    }

    @Override
    public Optional<KeyedRecord> next() {
        Lap lap = laps.get(next++);
        long now = nanoClock.getAsLong();
        if (now - nextProgress >= 0 || next == laps.size()) {
            progress.accept("laps sent " + next + " of " + laps.size() + " (" + session.key() + " " + lap.driver().code()
                    + " lap " + lap.number() + ")");
            nextProgress = now + PROGRESS_EVERY.toNanos();
        }
        return Optional.of(new KeyedRecord(LapRecord.key(session, lap), LapRecord.of(session, lap)));
    }

    @Override
    public boolean hasMore() {
        return next < laps.size();
    }

    @Override
    public Duration pauseBeforeNext(Duration sleepTime) {
        return replayPauses.map(pauses -> pauses.get(next)).orElse(sleepTime);
    }

    private static List<Lap> inCompletionOrder(List<Lap> laps) {
        List<Lap> ordered = new ArrayList<>(laps);
        // Laps without a completion time (a retirement with no stop time) go last; the sort is stable.
        ordered.sort(Comparator.comparing(Lap::endTime, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(ordered);
    }

    private static List<Duration> replayPauses(List<Lap> ordered, double speed) {
        List<Duration> pauses = new ArrayList<>(ordered.size());
        Long previous = null;
        for (Lap lap : ordered) {
            if (previous == null || lap.endTime() == null) {
                pauses.add(Duration.ZERO);
            } else {
                pauses.add(Duration.ofNanos(Math.round((lap.endTime() - previous) * 1_000_000d / speed)));
            }
            if (lap.endTime() != null) {
                previous = lap.endTime();
            }
        }
        return List.copyOf(pauses);
    }
}
