package dev.kafkapipeline.f1.laps;

import java.util.ArrayList;
import java.util.HashMap;
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
 * derived; a driver who stops on track keeps his unfinished lap (incomplete,
 * no lap time), and the lap that takes a car into the pits for the last time is
 * kept (incomplete without a lap time). Lap ends are synced by {@link LapEnds},
 * tyres placed by {@link StintPlacement}, positions ranked by {@link RunningOrder}.
 * Pure: all inputs are already read; warnings go to the given list.
 */
public final class LapBuilder {
    private static final String TIMING = "TimingData.jsonStream";
    private static final String APP = "TimingAppData.jsonStream";
    /** FastF1 drops lap times of 150 s or more as time spent in the garage; here only those longer than the lap are. */
    static final long GARAGE_MS = 150_000;

    /** What the builder needs besides the per-driver timing. */
    public record Context(Session session, List<Driver> drivers, Map<String, List<TyreStint>> stints,
                          TrackStatusTimeline trackStatus, SessionStatuses statuses) {
        Long startedAt() {
            return statuses.startedAt();
        }
    }

    private LapBuilder() {}

    static List<Lap> build(Context context, Map<String, DriverTiming> timings, List<String> warnings) {
        Map<String, Driver> byNumber = new HashMap<>();
        context.drivers().forEach(d -> byNumber.put(d.number(), d));
        for (DriverTiming timing : timings.values()) {
            if (!byNumber.containsKey(timing.number) && timing.drafts().size() > 1) {
                warnings.add(TIMING + " line " + timing.firstLine + ": racing number " + timing.number
                        + " is not in DriverList.jsonStream; its " + (timing.drafts().size() - 1)
                        + (timing.drafts().size() == 2 ? " lap is" : " laps are") + " left out");
            }
        }
        List<Lap> laps = new ArrayList<>();
        for (Driver driver : context.drivers()) {
            DriverTiming timing = timings.get(driver.number());
            if (timing != null) {
                laps.addAll(driverLaps(context, driver, timing, warnings));
            }
        }
        return context.session().isRace()
                ? RunningOrder.ranked(laps, lap -> timings.get(lap.driver().number()).gaps().near(lap.endTime(), RunningOrder.LINE_MS))
                : laps;
    }

    /** How the lap still open when the stream ended counts. */
    private enum OpenLap {
        /** Dropped: nothing happened on it, or the session ended during it. */
        DROPPED,
        /** The car stopped on track during it: kept, incomplete, without a lap time. */
        STOPPED_ON_TRACK,
        /** The car came into the pits on it; where the count rises at the pit exit it never got one. Kept. */
        INTO_THE_PITS
    }

    private static OpenLap openLap(Context context, DriverTiming timing, LapDraft open, int completed) {
        Long stoppedAt = timing.stoppedAt();
        if ((timing.retired() || stoppedAt != null) && !timing.inPitAtEnd() && open.pitInAt == null
                && (completed > 0 || open.hasData || timing.ranAfterStart())
                && (stoppedAt == null || context.statuses().finishedAt() == null
                    || stoppedAt < context.statuses().finishedAt())) {
            return OpenLap.STOPPED_ON_TRACK;
        }
        return open.pitInAt != null && open.hasData ? OpenLap.INTO_THE_PITS : OpenLap.DROPPED;
    }

    /** A lap's time after {@link #completed}: {@code dropped} when the sectors outgrew the lap time sent. */
    private record Times(Long lapTime, boolean derived, boolean dropped, long sectorSum) {}

    /**
     * The lap time and sectors as far as the data allows (the sectors are completed in place): a lap time shorter
     * than its sectors is dropped (as FastF1); the feed sends only changes, so a missing lap time or sector equal
     * to the previous lap's is restored (as FastF1); three sectors without a lap time give their sum, derived.
     */
    private static Times completed(Long lapTime, Long[] sectors, Long previousLapTime, Long[] previousSectors) {
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
        boolean dropped = lapTime != null && sum > lapTime;
        Long time = dropped ? null : lapTime;
        if (missing == 0 && time == null && previousLapTime != null && previousLapTime == sum) {
            return new Times(sum, false, dropped, sum);
        }
        if (missing == 1 && time != null && previousSectors != null && previousSectors[missingIndex] != null
                && time - sum == previousSectors[missingIndex]) {
            sectors[missingIndex] = time - sum;
        }
        return missing == 0 && time == null ? new Times(sum, true, dropped, sum) : new Times(time, false, dropped, sum);
    }

    /** For each restart after a red flag, the index of the first lap that left the pits after it, and the restart. */
    private static Map<Integer, Long> lapsAfterRestarts(List<LapDraft> drafts, List<Long> restarts) {
        Map<Integer, Long> laps = new HashMap<>();
        for (Long restart : restarts) {
            for (int i = 0; i < drafts.size(); i++) {
                if (drafts.get(i).pitOutAt != null && drafts.get(i).pitOutAt > restart) {
                    laps.put(i, restart);
                    break;
                }
            }
        }
        return laps;
    }

    private static List<Lap> driverLaps(Context context, Driver driver, DriverTiming timing, List<String> warnings) {
        List<LapDraft> drafts = new ArrayList<>(timing.drafts());
        LapDraft open = drafts.remove(drafts.size() - 1);
        if (!drafts.isEmpty() && !drafts.get(0).hasData) {
            // FastF1: a first "lap" without any timing is a pseudo out-lap that never happened.
            drafts.remove(0);
        }
        OpenLap openLap = openLap(context, timing, open, drafts.size());
        if (openLap != OpenLap.DROPPED) {
            drafts.add(open);
        }
        int last = drafts.size() - 1;
        Long[] lapTimes = new Long[drafts.size()];
        Long[] ends = new Long[drafts.size()];
        for (int i = 0; i < drafts.size(); i++) {
            lapTimes[i] = drafts.get(i).lapTime;
            ends[i] = drafts.get(i).countedAt;
        }
        Long[] counted = ends.clone();
        LapEnds.atTheLine(drafts, ends);
        if (openLap == OpenLap.STOPPED_ON_TRACK) {
            lapTimes[last] = null;
            ends[last] = timing.stoppedAt();
            counted[last] = timing.stoppedAt();
        } else if (openLap == OpenLap.INTO_THE_PITS) {
            counted[last] = open.pitInAt;
            if (ends[last] == null) {
                ends[last] = open.pitInAt;
            }
        }
        Long raceStart = context.session().isRace() ? context.startedAt() : null;
        LapEnds.synced(drafts, lapTimes, ends, raceStart);
        LapEnds.synced(drafts, lapTimes, counted, raceStart);
        Map<Integer, Long> restarts = lapsAfterRestarts(drafts, context.statuses().restarts());
        List<Lap> laps = new ArrayList<>();
        Long previousEnd = raceStart;
        Long previousLapTime = null;
        Long[] previousSectors = new Long[3];
        for (int i = 0; i < drafts.size(); i++) {
            LapDraft d = drafts.get(i);
            int number = i + 1;
            boolean incomplete = openLap == OpenLap.STOPPED_ON_TRACK && i == last;
            Long[] sectors = d.sectors.clone();
            Long lapTime = lapTimes[i];
            boolean derived = false;
            Long end = ends[i];
            Long start = previousEnd != null ? previousEnd
                    : end != null && lapTime != null && lapTime < GARAGE_MS ? Long.valueOf(end - lapTime) : null;
            Long countedStart = i > 0 ? counted[i - 1] : raceStart;
            boolean foreignTime = lapTime != null && lapTime >= GARAGE_MS && (countedStart != null && counted[i] != null
                    ? lapTime > counted[i] - countedStart + DriverTiming.LATE_MS
                    : d.pitInAt != null || d.pitOutAt != null);
            if (foreignTime) {
                // A lap time longer than the timing's own lap, from one lap count to the next, counts time spent in
                // the garage: in practice the count of an in-lap comes only when the car leaves the pits again.
                // FastF1 drops every lap time of 150 s or more for that reason; slow laps behind a safety car
                // or after a red flag are real and stay. Shorter lap times are always kept, as FastF1 does.
                lapTime = null;
            }
            Long restart = restarts.get(i);
            if (restart != null && (raceStart == null || lapTime == null)) {
                // The first lap after a red flag did not run under it: it began when the car left the pits, or in a
                // race without a lap time, at the restart (as FastF1).
                start = raceStart == null ? d.pitOutAt : restart;
            }
            if (!incomplete) {
                Times times = completed(lapTime, sectors, i > 0 ? previousLapTime : null, i > 0 ? previousSectors : null);
                if (times.dropped()) {
                    warnings.add(TIMING + ": " + driver.code() + " lap " + number + ": sector times add up to "
                            + TimeText.lapTime(times.sectorSum()) + ", more than the lap time " + TimeText.lapTime(lapTime)
                            + "; the lap time is dropped");
                }
                lapTime = times.lapTime();
                derived = times.derived();
            }
            if (start == null && end != null && lapTime != null) {
                start = end - lapTime;
            }
            if (openLap == OpenLap.INTO_THE_PITS && i == last && lapTime == null) {
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
        return StintPlacement.place(laps, stints, drafts, driver, warnings);
    }
}
