package dev.kafkapipeline.f1.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.f1.laps.Driver;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LapSourceTest {
    private static final Session SESSION = new Session("2018/x/race", "X Grand Prix Race", "X Grand Prix", "Baku",
            Instant.parse("2018-04-29T12:10:00Z"), "Race");
    private static final Driver A = new Driver("1", "AAA", "A", "T");
    private static final Driver B = new Driver("2", "BBB", "B", "T");
    private static final Duration SLEEP = Duration.ofSeconds(1);

    private static Lap lap(Driver d, int n, Long end) {
        return Lap.builder(d, n).incomplete(end == null).times(null, end).build();
    }

    private final List<Lap> laps = List.of(lap(A, 1, 100_000L), lap(A, 2, 190_000L), lap(A, 3, null), lap(B, 1, 101_000L), lap(B, 2, 195_000L));
    private final AtomicLong clock = new AtomicLong();
    private final List<String> progress = new ArrayList<>();

    private LapSource source(OptionalDouble replaySpeed) {
        return new LapSource(SESSION, laps, replaySpeed, progress::add, clock::get);
    }

    /** Drains the source as the loop does; the pause before the first lap is none (the loop does not ask for it). */
    private static List<Duration> pausesBetween(LapSource source, List<String> sent) {
        List<Duration> pauses = new ArrayList<>();
        while (source.hasMore()) {
            KeyedRecord record = source.next().orElseThrow();
            sent.add(record.key() + "#" + record.fields().get("lap_number"));
            if (source.hasMore()) {
                pauses.add(source.pauseBeforeNext(SLEEP));
            }
        }
        return pauses;
    }

    @Test
    void sendsLapsInTheOrderTheyWereCompletedWithSleepTimeBetween() {
        List<String> sent = new ArrayList<>();
        List<Duration> pauses = pausesBetween(source(OptionalDouble.empty()), sent);
        assertEquals(List.of("2018/x/race/AAA#1", "2018/x/race/BBB#1", "2018/x/race/AAA#2", "2018/x/race/BBB#2", "2018/x/race/AAA#3"), sent);
        assertEquals(List.of(SLEEP, SLEEP, SLEEP, SLEEP), pauses);
    }

    @Test
    void replayPacesLapsAtNTimesTheRealGaps() {
        List<Duration> pauses = pausesBetween(source(OptionalDouble.of(10.0)), new ArrayList<>());
        // 1 s, 89 s and 5 s between completions at 10x; the lap never completed follows at once.
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(8_900), Duration.ofMillis(500), Duration.ZERO), pauses);
    }

    @Test
    void aLapRecordCarriesTheSessionAndLapColumns() {
        KeyedRecord first = source(OptionalDouble.empty()).next().orElseThrow();
        assertEquals("2018/x/race/AAA", first.key());
        assertEquals("2018/x/race", first.fields().get("session_key"));
        assertEquals("Baku", first.fields().get("track"));
        assertEquals("AAA", first.fields().get("driver"));
        assertEquals(1, first.fields().get("lap_number"));
    }

    @Test
    void logsProgressForTheFirstLapThenEveryFiveSecondsAndTheLast() {
        LapSource source = source(OptionalDouble.empty());
        source.next();                       // t = 0: first lap
        clock.addAndGet(Duration.ofSeconds(3).toNanos());
        source.next();                       // t = 3 s: too soon
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        source.next();                       // t = 5 s
        source.next();                       // t = 5 s: too soon
        source.next();                       // the last lap
        assertFalse(source.hasMore());
        assertEquals(List.of(
                "laps sent 1 of 5 (2018/x/race AAA lap 1)",
                "laps sent 3 of 5 (2018/x/race AAA lap 2)",
                "laps sent 5 of 5 (2018/x/race AAA lap 3)"), progress);
    }
}
