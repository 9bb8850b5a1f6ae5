package dev.kafkapipeline.f1.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.f1.laps.Driver;
import dev.kafkapipeline.f1.laps.Lap;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LapScheduleTest {
    private static final Driver A = new Driver("1", "AAA", "A", "T");
    private static final Driver B = new Driver("2", "BBB", "B", "T");

    private static Lap lap(Driver d, int n, Long end) {
        return new Lap(d, n, null, false, end == null, null, null, null, null, null, false, false, null, null, null, null, null, end);
    }

    private final List<Lap> laps = List.of(lap(A, 1, 100_000L), lap(A, 2, 190_000L), lap(A, 3, null), lap(B, 1, 101_000L), lap(B, 2, 195_000L));

    @Test
    void sendsLapsInTheOrderTheyWereCompletedWithTheSleepBetween() {
        List<LapSchedule.Step> steps = LapSchedule.of(laps, Duration.ofSeconds(1), null);
        assertEquals(List.of("AAA1", "BBB1", "AAA2", "BBB2", "AAA3"),
                steps.stream().map(s -> s.lap().driver().code() + s.lap().number()).toList());
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
                steps.stream().map(LapSchedule.Step::pause).toList());
    }

    @Test
    void replayPacesLapsAtNTimesTheRealGaps() {
        List<LapSchedule.Step> steps = LapSchedule.of(laps, Duration.ofSeconds(1), 10.0);
        assertEquals(List.of(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(8_900), Duration.ofMillis(500), Duration.ZERO),
                steps.stream().map(LapSchedule.Step::pause).toList());
    }
}
