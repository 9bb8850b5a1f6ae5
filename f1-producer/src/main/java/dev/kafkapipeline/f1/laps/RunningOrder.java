package dev.kafkapipeline.f1.laps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Race positions: the order in which the laps with the same number were completed. */
final class RunningOrder {
    private RunningOrder() {}

    /** The laps with their positions; a lap not completed (incomplete, or with no end) has none. */
    static List<Lap> ranked(List<Lap> laps) {
        Map<Integer, List<Lap>> byNumber = new HashMap<>();
        for (Lap lap : laps) {
            if (!lap.incomplete() && lap.endTime() != null) {
                byNumber.computeIfAbsent(lap.number(), n -> new ArrayList<>()).add(lap);
            }
        }
        Map<Lap, Integer> positions = new IdentityHashMap<>();
        for (List<Lap> group : byNumber.values()) {
            group.sort(Comparator.comparingLong(Lap::endTime));
            for (int i = 0; i < group.size(); i++) {
                positions.put(group.get(i), i + 1);
            }
        }
        List<Lap> result = new ArrayList<>(laps.size());
        for (Lap lap : laps) {
            Integer position = positions.get(lap);
            result.add(position == null ? lap : lap.toBuilder().position(position).build());
        }
        return result;
    }
}
