package dev.kafkapipeline.vis.race;

import dev.kafkapipeline.vis.data.LapRow;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The laps run under a safety car or virtual safety car, as runs of consecutive
 * laps. A lap counts when any driver's row for it carries a neutralised track status:
 * drivers cross the line at different times, so one may see the status the other misses.
 */
public final class SafetyCarPeriods {
    private SafetyCarPeriods() {}

    public static List<LapRange> of(List<LapRow> laps) {
        TreeSet<Integer> neutralised = new TreeSet<>();
        for (LapRow lap : laps) {
            if (lap.underSafetyCar()) {
                neutralised.add(lap.lapNumber());
            }
        }
        List<LapRange> periods = new ArrayList<>();
        Integer first = null;
        Integer last = null;
        for (int lap : neutralised) {
            if (last != null && lap != last + 1) {
                periods.add(new LapRange(first, last));
                first = null;
            }
            if (first == null) {
                first = lap;
            }
            last = lap;
        }
        if (first != null) {
            periods.add(new LapRange(first, last));
        }
        return periods;
    }
}
