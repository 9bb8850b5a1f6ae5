package dev.kafkapipeline.f1.producer;

import dev.kafkapipeline.f1.laps.Lap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which laps are sent (the order they were completed, so the topic
 * reads like the race) and the pause before each: a fixed SLEEP_TIME, or in
 * replay the real time between two lap completions divided by the speed.
 */
public final class LapSchedule {
    /** A lap and the pause to take before sending it. */
    public record Step(Lap lap, Duration pause) {}

    private LapSchedule() {}

    public static List<Step> of(List<Lap> laps, Duration sleep, Double replaySpeed) {
        List<Lap> ordered = new ArrayList<>(laps);
        // Laps without a completion time (a retirement with no stop time) go last; the sort is stable.
        ordered.sort(Comparator.comparing(Lap::endTime, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Step> steps = new ArrayList<>(ordered.size());
        Long previous = null;
        for (int i = 0; i < ordered.size(); i++) {
            Lap lap = ordered.get(i);
            Duration pause;
            if (replaySpeed == null) {
                pause = i == 0 ? Duration.ZERO : sleep;
            } else if (previous == null || lap.endTime() == null) {
                pause = Duration.ZERO;
            } else {
                pause = Duration.ofNanos(Math.round((lap.endTime() - previous) * 1_000_000d / replaySpeed));
            }
            if (lap.endTime() != null) {
                previous = lap.endTime();
            }
            steps.add(new Step(lap, pause));
        }
        return steps;
    }
}
