package dev.kafkapipeline.f1.laps;

import java.time.Instant;
import java.util.Locale;

/**
 * What SessionInfo says about a session. {@code key} is its archive path, the
 * partition key of its laps; {@code type} is the archive's type ("Race" for races
 * and sprints, "Qualifying", "Practice").
 */
public record Session(String key, String name, String meeting, String track, Instant start, String type) {
    /** Races and sprints, whose laps have a running order. */
    public boolean isRace() {
        return type != null && type.toLowerCase(Locale.ROOT).equals("race");
    }
}
