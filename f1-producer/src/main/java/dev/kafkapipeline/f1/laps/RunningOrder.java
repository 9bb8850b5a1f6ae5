package dev.kafkapipeline.f1.laps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Race positions: the order in which the laps with the same number were
 * completed. Lap ends are known to a few hundredths of a second, so two laps
 * that ended less than {@link #TIE_MS} apart are ordered by the gaps to the
 * leader that the timing reported at the line.
 */
final class RunningOrder {
    /** Closer than this, two lap ends do not tell which car crossed the line first. */
    static final long TIE_MS = 50;
    /** A gap to the leader reported this close to a lap's end was measured at the line. */
    static final long LINE_MS = 500;

    private RunningOrder() {}

    /**
     * The laps with their positions; a lap not completed (incomplete, or with no end) has none.
     *
     * @param gapAtLine a lap's gap to the leader at its end, null when none was reported there
     */
    static List<Lap> ranked(List<Lap> laps, Function<Lap, Long> gapAtLine) {
        Map<Integer, List<Lap>> byNumber = new HashMap<>();
        for (Lap lap : laps) {
            if (!lap.incomplete() && lap.endTime() != null) {
                byNumber.computeIfAbsent(lap.number(), n -> new ArrayList<>()).add(lap);
            }
        }
        Map<Lap, Integer> positions = new IdentityHashMap<>();
        for (List<Lap> group : byNumber.values()) {
            group.sort(Comparator.comparingLong(Lap::endTime));
            breakTies(group, gapAtLine);
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

    private static void breakTies(List<Lap> byEnd, Function<Lap, Long> gapAtLine) {
        boolean swapped = true;
        for (int pass = 0; swapped && pass < byEnd.size(); pass++) {
            swapped = false;
            for (int i = 0; i + 1 < byEnd.size(); i++) {
                Lap first = byEnd.get(i);
                Lap second = byEnd.get(i + 1);
                if (second.endTime() - first.endTime() < TIE_MS) {
                    Long firstGap = gapAtLine.apply(first);
                    Long secondGap = gapAtLine.apply(second);
                    if (firstGap != null && secondGap != null && secondGap < firstGap) {
                        byEnd.set(i, second);
                        byEnd.set(i + 1, first);
                        swapped = true;
                    }
                }
            }
        }
    }
}
