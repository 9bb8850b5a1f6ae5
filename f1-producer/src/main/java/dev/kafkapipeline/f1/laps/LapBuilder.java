package dev.kafkapipeline.f1.laps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what was read from the archive into laps, with FastF1's semantics (lap
 * time from LastLapTime, sector times, pit in and out, Stint = stint index + 1,
 * TyreLife = StartLaps + laps run in the stint, FreshTyre from New, Position =
 * order of completion among laps with the same number in races, lap ends
 * synced to the next lap's time, no out-lap for the exit to the grid) and what
 * the raw data allows beyond them: lap times of 150 s or more stay unless longer
 * than the lap itself; lap 1 gets the first stint's tyre even when the tyre
 * message came later; three sectors without a lap time give a lap time marked
 * derived; a driver who retires on track keeps his unfinished lap (incomplete,
 * no lap time), one who retires in the pits stops at his last completed lap.
 * Pure: all inputs are already read; warnings go to the given list.
 */
public final class LapBuilder {
    private static final String TIMING = "TimingData.jsonStream";
    private static final String APP = "TimingAppData.jsonStream";
    private static final long GARAGE_MS = 150_000;

    /** What the builder needs besides the per-driver timing. */
    public record Context(Session session, List<Driver> drivers, Map<String, List<TyreStint>> stints,
                          TrackStatusTimeline trackStatus, Long startedAt, Long finishedAt) {}

    private LapBuilder() {}

    static List<Lap> build(Context context, Map<String, DriverTiming> timings, List<String> warnings) {
        Map<String, Driver> byNumber = new HashMap<>();
        context.drivers().forEach(d -> byNumber.put(d.number(), d));
        for (DriverTiming timing : timings.values()) {
            if (!byNumber.containsKey(timing.number) && timing.drafts().size() > 1) {
                warnings.add(TIMING + " line " + timing.firstLine + ": racing number " + timing.number
                        + " is not in DriverList.jsonStream; its " + (timing.drafts().size() - 1) + " laps are left out");
            }
        }
        List<Lap> laps = new ArrayList<>();
        for (Driver driver : context.drivers()) {
            DriverTiming timing = timings.get(driver.number());
            if (timing != null) {
                laps.addAll(driverLaps(context, driver, timing, warnings));
            }
        }
        return context.session().isRace() ? withPositions(laps) : laps;
    }

    private static List<Lap> driverLaps(Context context, Driver driver, DriverTiming timing, List<String> warnings) {
        List<DriverTiming.Draft> drafts = new ArrayList<>(timing.drafts());
        DriverTiming.Draft open = drafts.remove(drafts.size() - 1);
        if (!drafts.isEmpty() && !drafts.get(0).hasData) {
            // FastF1: a first "lap" without any timing is a pseudo out-lap that never happened.
            drafts.remove(0);
        }
        int completed = drafts.size();
        Long stoppedAt = timing.stoppedAt();
        boolean retiredOnTrack = (timing.retired() || stoppedAt != null) && !timing.inPitAtEnd() && open.pitInAt == null
                && (completed > 0 || open.hasData || timing.ranAfterStart())
                && (stoppedAt == null || context.finishedAt() == null || stoppedAt < context.finishedAt());
        if (retiredOnTrack) {
            open.lapTime = null;
            open.end = stoppedAt;
            drafts.add(open);
        }
        // Where the lap count rises at the pit exit (practice), the last run's in-lap never sees its count.
        boolean lastRunIntoThePits = !retiredOnTrack && open.pitInAt != null && open.hasData;
        if (lastRunIntoThePits) {
            open.end = open.pitInAt;
            drafts.add(open);
        }

        Long raceStart = context.session().isRace() ? context.startedAt() : null;
        Long[] ends = lapEnds(drafts, raceStart);
        List<Lap> laps = new ArrayList<>();
        Long previousEnd = raceStart;
        Long previousLapTime = null;
        Long[] previousSectors = new Long[3];
        for (int i = 0; i < drafts.size(); i++) {
            DriverTiming.Draft d = drafts.get(i);
            int number = i + 1;
            boolean incomplete = retiredOnTrack && i == drafts.size() - 1;
            Long[] sectors = d.sectors.clone();
            Long lapTime = d.lapTime;
            boolean derived = false;
            Long end = ends[i];
            Long start = previousEnd != null ? previousEnd
                    : end != null && lapTime != null && lapTime < GARAGE_MS ? Long.valueOf(end - lapTime) : null;
            boolean foreignTime = lapTime != null && lapTime >= GARAGE_MS && (start != null && end != null
                    ? lapTime > end - start + DriverTiming.LATE_MS
                    : d.pitInAt != null || d.pitOutAt != null);
            if (foreignTime) {
                // A lap time longer than the lap itself counts time spent in the garage (practice, qualifying).
                // FastF1 drops every lap time of 150 s or more for that reason; slow laps behind a safety car
                // or after a red flag are real and stay. Shorter lap times are always kept, as FastF1 does.
                lapTime = null;
            }
            if (!incomplete) {
                long sum = 0;
                int missing = 0;
                int missingIndex = -1;
                for (int s = 0; s < 3; s++) {
                    if (sectors[s] == null) {
                        missing++;
                        missingIndex = s;
                    } else {
                        sum += sectors[s];
                    }
                }
                if (lapTime != null && sum > lapTime) {
                    warnings.add(TIMING + ": " + driver.code() + " lap " + number + ": sector times add up to "
                            + TimeText.lapTime(sum) + ", more than the lap time " + TimeText.lapTime(lapTime)
                            + "; the lap time is dropped");
                    lapTime = null;
                }
                if (i > 0 && missing == 0 && lapTime == null && previousLapTime != null && previousLapTime == sum) {
                    // The feed sends only changes: a lap time equal to the previous one is not repeated.
                    lapTime = sum;
                } else if (i > 0 && missing == 1 && lapTime != null
                        && previousSectors[missingIndex] != null && lapTime - sum == previousSectors[missingIndex]) {
                    sectors[missingIndex] = lapTime - sum;
                }
                if (lapTime == null && missing == 0) {
                    lapTime = sum;
                    derived = true;
                }
            }
            if (start == null && end != null && lapTime != null) {
                start = end - lapTime;
            }
            if (lastRunIntoThePits && i == drafts.size() - 1 && lapTime == null) {
                incomplete = true;
            }
            // Leaving the pits for the grid before the start makes no out-lap; a pit-lane start does (as FastF1).
            boolean pitOut = d.pitOutAt != null && d.realPitOut
                    && !(i == 0 && context.startedAt() != null && d.pitOutAt < context.startedAt());
            // Nor does a pit entry before lap 1's own exit make lap 1 an in-lap: the car went into the pit lane to
            // start from it, or a red flag before the start sent it there (as FastF1).
            boolean pitIn = d.pitInAt != null && !(i == 0 && d.pitOutAt != null && d.pitInAt < d.pitOutAt);
            Lap.Builder lap = Lap.builder(driver, number);
            if (derived) {
                lap.derivedLapTime(lapTime);
            } else {
                lap.lapTime(lapTime);
            }
            laps.add(lap.incomplete(incomplete).pitIn(pitIn).pitOut(pitOut)
                    .trackStatus(context.trackStatus().during(start, end != null ? end : start))
                    .sectors(sectors[0], sectors[1], sectors[2]).times(start, end).build());
            previousEnd = end;
            previousLapTime = lapTime;
            previousSectors = sectors;
        }
        List<TyreStint> stints = context.stints() == null ? null : context.stints().get(driver.number());
        if (stints == null) {
            if (context.stints() != null && !laps.isEmpty()) {
                warnings.add(APP + ": no tyre stints for " + driver.code() + " (" + driver.number() + "); his laps have no tyre data");
            }
            return laps;
        }
        return withTyres(laps, stints, drafts, driver, warnings);
    }

    /**
     * When each lap ended. NumberOfLaps can grow late (the timing lost the car at the line: 2018 Baku, LEC lap 49,
     * 39 s), but lap times are exact: as FastF1's lap sync does, a lap ended no later than the next lap's end minus
     * the next lap's time, unless that would put it before the end of the lap before. Only lap times FastF1 keeps
     * (under 150 s, not shorter than their sectors) move an end.
     */
    private static Long[] lapEnds(List<DriverTiming.Draft> drafts, Long raceStart) {
        Long[] ends = new Long[drafts.size()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = drafts.get(i).end;
        }
        for (int i = ends.length - 1; i > 0; i--) {
            Long lapTime = drafts.get(i).lapTime;
            if (lapTime == null || lapTime >= GARAGE_MS || sectorSum(drafts.get(i)) > lapTime
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

    private static long sectorSum(DriverTiming.Draft draft) {
        long sum = 0;
        for (Long sector : draft.sectors) {
            sum += sector == null ? 0 : sector;
        }
        return sum;
    }

    /**
     * Stints start at out-laps (after lap 1). When there are more pit exits than
     * tyre changes (a drive-through, a stop without new tyres), the exit closest
     * to the moment the new stint was reported is the one that changed tyres.
     */
    private static List<Lap> withTyres(List<Lap> laps, List<TyreStint> stints, List<DriverTiming.Draft> drafts,
                                       Driver driver, List<String> warnings) {
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

    /** Position: the order in which the laps with the same number were completed. */
    private static List<Lap> withPositions(List<Lap> laps) {
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
