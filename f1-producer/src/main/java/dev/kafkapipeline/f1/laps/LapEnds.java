package dev.kafkapipeline.f1.laps;

import java.util.List;

/**
 * When each lap of one driver ended. NumberOfLaps can grow late (the timing lost
 * the car at the line: 2018 Baku, LEC lap 49, 39 s), but lap times are exact: as
 * FastF1's lap sync does, a lap ended no later than the next lap's end minus the
 * next lap's time, unless that would put it before the end of the lap before.
 * Only lap times FastF1 keeps (under 150 s, not shorter than their sectors) move
 * an end.
 */
final class LapEnds {
    private LapEnds() {}

    /**
     * Each lap's end at the earliest evidence of the line, as FastF1's first lap sync: the lap count, the arrival
     * of sector 3, of sector 2 plus sector 3, of sector 1 plus sectors 2 and 3. The count can come seconds after
     * the line (2018 Baku, BOT lap 48: {@code GapToLeader:"LAP 49"} at 01:46:04.959, the count at 01:46:09.440).
     * An end that would fall before the previous lap's is not moved.
     *
     * @param ends the lap counts' times, null where a lap has none; moved in place
     */
    static Long[] atTheLine(List<LapDraft> drafts, Long[] ends) {
        for (int i = 0; i < ends.length; i++) {
            Long earliest = ends[i];
            LapDraft draft = drafts.get(i);
            long after = 0;
            for (int sector = 2; sector >= 0; sector--) {
                if (draft.sectorAt[sector] != null) {
                    long evidence = draft.sectorAt[sector] + after;
                    earliest = earliest == null ? evidence : Math.min(earliest, evidence);
                }
                if (draft.sectors[sector] == null) {
                    break;
                }
                after += draft.sectors[sector];
            }
            if (i == 0 || ends[i - 1] == null || earliest == null || earliest >= ends[i - 1]) {
                ends[i] = earliest;
            }
        }
        return ends;
    }

    /**
     * Each lap's end no later than the next lap's end minus the next lap's time.
     *
     * @param lapTimes  each draft's lap time as the builder takes it
     * @param ends      the end of each draft as read (lap count, stop or pit entry); corrected in place
     * @param raceStart the start of a race, before which lap 1 cannot end; null outside races
     */
    static Long[] synced(List<LapDraft> drafts, Long[] lapTimes, Long[] ends, Long raceStart) {
        for (int i = ends.length - 1; i > 0; i--) {
            Long lapTime = lapTimes[i];
            if (lapTime == null || lapTime >= LapBuilder.GARAGE_MS || drafts.get(i).sectorSum() > lapTime
                    || ends[i] == null || ends[i - 1] == null) {
                continue;
            }
            long end = ends[i] - lapTime;
            Long floor = i > 1 ? ends[i - 2] : raceStart;
            if (end < ends[i - 1] && (floor == null || end >= floor)) {
                ends[i - 1] = end;
            }
        }
        return ends;
    }
}
