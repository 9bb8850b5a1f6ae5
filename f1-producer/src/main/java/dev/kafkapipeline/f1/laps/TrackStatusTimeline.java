package dev.kafkapipeline.f1.laps;

import dev.kafkapipeline.common.rows.TrackStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The track-status changes of a session (1 clear, 2 yellow, 4 safety car, 5 red,
 * 6 and 7 virtual safety car) in stream order. Before the first change the track
 * is taken as clear, as the feed only reports changes.
 */
public final class TrackStatusTimeline {
    private final List<Long> times = new ArrayList<>();
    private final List<String> codes = new ArrayList<>();

    public void add(long time, String code) {
        times.add(time);
        codes.add(code);
    }

    public boolean isEmpty() {
        return times.isEmpty();
    }

    /** The codes in force at some moment of [start, end], in the order they came, as the track_status column holds them; null without data. */
    public String during(Long start, Long end) {
        if (isEmpty() || end == null) {
            return null;
        }
        long from = start == null ? end : start;
        Set<String> seen = new LinkedHashSet<>();
        String current = "1";
        int i = 0;
        while (i < times.size() && times.get(i) <= from) {
            current = codes.get(i);
            i++;
        }
        seen.add(current);
        while (i < times.size() && times.get(i) <= end) {
            seen.add(codes.get(i));
            i++;
        }
        return new TrackStatus(List.copyOf(seen)).text();
    }
}
