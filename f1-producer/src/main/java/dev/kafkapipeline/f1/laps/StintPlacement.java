package dev.kafkapipeline.f1.laps;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts one driver's laps on his tyre stints: a stint starts at an out-lap (after
 * lap 1), so Stint is the stint's index + 1 and TyreLife its StartLaps plus the
 * laps run on it so far. When there are more pit exits than tyre changes (a
 * drive-through, a stop without new tyres), the exit closest to the moment the
 * new stint was reported is the one that changed tyres.
 */
final class StintPlacement {
    private static final String APP = "TimingAppData.jsonStream";

    private StintPlacement() {}

    /** @param drafts the laps' drafts, one per lap in the same order, for the pit exit times */
    static List<Lap> place(List<Lap> laps, List<TyreStint> stints, List<LapDraft> drafts, Driver driver, List<String> warnings) {
        List<Integer> exits = new ArrayList<>();
        for (Lap lap : laps) {
            if (lap.pitOut() && lap.number() > 1) {
                exits.add(lap.number());
            }
        }
        int needed = stints.size() - 1;
        List<Integer> starts = new ArrayList<>();
        starts.add(1);
        if (exits.size() <= needed) {
            starts.addAll(exits);
            if (exits.size() < needed && !laps.isEmpty()) {
                warnings.add(APP + ": " + driver.code() + " has " + stints.size() + " tyre stints but " + exits.size()
                        + " pit exits after lap 1 in TimingData.jsonStream; stints " + (exits.size() + 2) + " to "
                        + stints.size() + " are not placed on any lap");
            }
        } else {
            int from = 0;
            for (int k = 1; k <= needed; k++) {
                long appeared = stints.get(k).appearedAt();
                int best = from;
                if (appeared >= 0) {
                    long bestGap = Long.MAX_VALUE;
                    for (int c = from; c <= exits.size() - (needed - k) - 1; c++) {
                        long gap = Math.abs(drafts.get(exits.get(c) - 1).pitOutAt - appeared);
                        if (gap < bestGap) {
                            bestGap = gap;
                            best = c;
                        }
                    }
                }
                starts.add(exits.get(best));
                from = best + 1;
            }
        }
        List<Lap> result = new ArrayList<>(laps.size());
        int stintIndex = 0;
        for (Lap lap : laps) {
            while (stintIndex + 1 < starts.size() && lap.number() >= starts.get(stintIndex + 1)) {
                stintIndex++;
            }
            TyreStint stint = stints.get(stintIndex);
            int inStint = lap.number() - starts.get(stintIndex) + 1;
            result.add(lap.toBuilder().tyres(stint.compound(), stint.startLaps() + inStint, stint.fresh(), stintIndex + 1).build());
        }
        return result;
    }
}
