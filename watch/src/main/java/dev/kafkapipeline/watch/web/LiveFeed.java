package dev.kafkapipeline.watch.web;

import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.watch.flow.DeadLetterTail;
import dev.kafkapipeline.watch.flow.FlowSnapshot;
import dev.kafkapipeline.watch.flow.FlowView;
import dev.kafkapipeline.watch.flow.StatusFlowSource;
import dev.kafkapipeline.watch.race.LapActivity;
import dev.kafkapipeline.watch.race.LapFeed;
import dev.kafkapipeline.watch.race.RaceView;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While at least one page is open: reads the flow once a second and the race
 * each page shows, and sends them as server-sent events ("flow" every second,
 * "race" when it changed). With no page open it reads nothing, so the server
 * costs next to nothing at rest. A race is read again only when the flow shows
 * laps moving towards lapsummary ({@link LapActivity}), then every half second
 * so that a lap shows soon after it lands, and every {@link #RACE_REFRESH}
 * anyway for rows written some other way (cqlsh).
 */
final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    /** Races are looked at every tick, the flow every second tick. */
    private static final long TICK_MILLIS = 500;
    private static final Duration RACE_REFRESH = Duration.ofSeconds(30);

    /** The race, or why it cannot be read. */
    record RaceEvent(String down, RaceView race) {}

    /** The race last read for a page's choice of session, and the lap activity it was read at. */
    private record ReadRace(String json, LapActivity activity, long readAt) {}

    private final StatusFlowSource flow;
    private final DeadLetterTail deadLetters;
    private final LapFeed laps;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-feed");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ReadRace> races = new HashMap<>();
    private FlowSnapshot previous;
    private LapActivity activity;
    private long ticks;
    private volatile String lastFlow;

    LiveFeed(StatusFlowSource flow, DeadLetterTail deadLetters, LapFeed laps) {
        this.flow = flow;
        this.deadLetters = deadLetters;
        this.laps = laps;
        ticker.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void subscribe(Subscriber subscriber) {
        String flowNow = lastFlow;
        if (flowNow == null || subscriber.send("flow", flowNow)) {
            subscribers.add(subscriber);
        }
    }

    private void tick() {
        try {
            if (subscribers.isEmpty()) {
                // Rates start afresh when a page opens again, not from a reading minutes old.
                previous = null;
                return;
            }
            if (ticks++ % 2 == 0) {
                sendFlow();
            }
            sendRaces();
        } catch (RuntimeException e) {
            // The next tick tries again; a page must never stop updating for good.
            LOG.warn("reading the stack failed: {}", e.toString());
        }
    }

    private void sendFlow() {
        FlowSnapshot snapshot = flow.snapshot();
        Map<String, List<String>> reasons = snapshot.kafka().isDown() ? Map.of()
                : deadLetters.reasons(snapshot.kafka().value().endOffsets());
        String flowJson = Json.toText(FlowView.of(previous, snapshot, reasons));
        // A Kafka answer left over from an earlier tick (a slow broker) tells nothing about laps since.
        boolean kafkaAnswered = previous == null || snapshot.kafka() != previous.kafka();
        activity = kafkaAnswered ? LapActivity.of(snapshot) : null;
        previous = snapshot;
        lastFlow = flowJson;
        subscribers.removeIf(s -> !s.send("flow", flowJson));
    }

    private void sendRaces() {
        Map<String, ReadRace> current = new HashMap<>();
        for (Subscriber subscriber : subscribers) {
            ReadRace race = current.computeIfAbsent(Objects.toString(subscriber.session(), ""),
                    session -> race(session, subscriber.session(), activity));
            if (!subscriber.sendRace(race.json())) {
                subscribers.remove(subscriber);
            }
        }
        races.keySet().retainAll(current.keySet());
    }

    /** The race as last read, unless laps may have landed since (or it is old, or Kafka cannot tell). */
    private ReadRace race(String key, String session, LapActivity activity) {
        ReadRace last = races.get(key);
        long now = System.nanoTime();
        boolean unchanged = last != null && activity != null && activity.equals(last.activity()) && !activity.inFlight()
                && now - last.readAt() < RACE_REFRESH.toNanos();
        if (unchanged) {
            return last;
        }
        ReadRace read = new ReadRace(raceJson(session), activity, now);
        races.put(key, read);
        return read;
    }

    private String raceJson(String session) {
        try {
            return Json.toText(new RaceEvent(null, laps.read(session)));
        } catch (IllegalStateException e) {
            return Json.toText(new RaceEvent(e.getMessage(), null));
        } catch (RuntimeException e) {
            return Json.toText(new RaceEvent("reading lapsummary failed: " + e.getMessage(), null));
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        subscribers.forEach(Subscriber::close);
        subscribers.clear();
    }
}
