package dev.kafkapipeline.f1.laps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One driver's laps out of his TimingData updates, read as FastF1's
 * {@code _laps_data_driver} reads them: a lap ends when NumberOfLaps grows;
 * sector and lap times that arrive less than five seconds after a lap ended
 * still belong to it; InPit true marks the in-lap, InPit false the out-lap
 * (the next one when the car leaves less than five seconds before the line);
 * updates from a lap count that went back in time are ignored; nothing counts
 * as a lap before the car first left the pits.
 */
final class DriverTiming {
    /** FastF1's window for late sector and lap times, and for a pit exit just before the line. */
    static final long LATE_MS = 5_000;

    final String number;
    final int firstLine;
    private final List<LapDraft> laps = new ArrayList<>();
    private int apiLaps;
    private boolean inPast;
    private int pitExits = -1;
    private boolean sawPitEntry;
    private boolean inPit;
    private boolean retired;
    private Long stoppedAt;
    /** The timing saw the car racing: a gap to the leader after the start, which a car that never started lacks. */
    private boolean ranAfterStart;
    private final GapsToLeader gaps = new GapsToLeader();
    /**
     * Pit exits of the lap in progress whose lap is not known yet: as FastF1 does, an exit followed by the lap
     * count within five seconds (or sent with it) starts the next lap, any other is the exit of the lap in progress.
     */
    private final List<PitExit> exitsBeforeCount = new ArrayList<>();

    DriverTiming(String number, int firstLine) {
        this.number = number;
        this.firstLine = firstLine;
        laps.add(new LapDraft());
    }

    /** Leaving the pits at {@code at}; {@code fromThePits} is false for the first InPit false of a car never seen in them. */
    private record PitExit(long at, boolean fromThePits) {}

    /**
     * @param timesCount false before a race has started: recce laps and grid
     *                   time must not lend their sector times to lap 1
     */
    void update(long t, JsonNode line, boolean timesCount) {
        JsonNode lapCount = line.get("NumberOfLaps");
        int reported = lapCount == null ? -1 : lapCount.asInt();
        if (inPast && reported == apiLaps) {
            inPast = false;
        }
        if (inPast || (lapCount != null && reported < apiLaps)) {
            inPast = true;
            return;
        }
        LapDraft open = laps.get(laps.size() - 1);
        LapDraft previous = laps.size() > 1 ? laps.get(laps.size() - 2) : null;
        LapDraft target = previous != null && t - previous.countedAt < LATE_MS ? previous : open;

        if (timesCount) {
            JsonNode sectors = line.get("Sectors");
            if (sectors != null && sectors.isObject()) {
                for (int i = 0; i < 3; i++) {
                    Long value = TimeText.millis(sectors.path(String.valueOf(i)).path("Value").asText(""));
                    if (value != null) {
                        LapDraft owner = sectorOwner(i, value, target, open, previous);
                        owner.sectors[i] = value;
                        owner.sectorAt[i] = t;
                        owner.hasData = true;
                    }
                }
            }
            Long gap = GapsToLeader.parse(line.path("GapToLeader").asText(""));
            if (gap != null) {
                ranAfterStart = true;
                gaps.add(t, gap);
            }
            Long lapTime = TimeText.millis(line.path("LastLapTime").path("Value").asText(""));
            if (lapTime != null) {
                target.lapTime = lapTime;
                target.hasData = true;
            }
            JsonNode speeds = line.get("Speeds");
            if (speeds != null) {
                for (String trap : new String[] {"I1", "I2", "FL"}) {
                    if (!speeds.path(trap).path("Value").asText("").isEmpty()) {
                        target.hasData = true;
                    }
                }
                if (!speeds.path("ST").path("Value").asText("").isEmpty()) {
                    open.hasData = true;
                }
            }
        }

        JsonNode pit = line.get("InPit");
        if (pit != null && pit.isBoolean()) {
            if (pit.booleanValue()) {
                if (pitExits >= 0) {
                    open.pitInAt = t;
                }
                sawPitEntry = true;
                inPit = true;
            } else {
                inPit = false;
                pitExits++;
                // With the lap count in the same update the exit is at least 0 s before the count: the next lap's.
                exitsBeforeCount.add(new PitExit(t, sawPitEntry));
            }
        }
        JsonNode retiredFlag = line.get("Retired");
        if (retiredFlag != null && retiredFlag.isBoolean()) {
            retired = retiredFlag.booleanValue();
        }
        JsonNode stopped = line.get("Stopped");
        if (stopped != null && stopped.isBoolean()) {
            stoppedAt = stopped.booleanValue() ? (stoppedAt == null ? t : stoppedAt) : null;
        }

        if (reported > apiLaps) {
            apiLaps++;
            if (pitExits >= 0) {
                open.countedAt = t;
                LapDraft next = new LapDraft();
                for (PitExit exit : exitsBeforeCount) {
                    (t - exit.at() < LATE_MS ? next : open).exit(exit.at(), exit.fromThePits());
                }
                exitsBeforeCount.clear();
                laps.add(next);
            }
        }
    }

    /**
     * A sector time that completes the previous lap's time exactly is that lap's, however late it comes (2021 Monza
     * FP2, HAM lap 18: 27.527 arrived 8.3 s after the line). Unlike FastF1, a value inside the five-second window
     * never overwrites a sector the previous lap already has: a sector 1 time stamped just after the line is the
     * new lap's, sent early (2018 Baku, SAI lap 9).
     */
    private static LapDraft sectorOwner(int sector, long value, LapDraft target, LapDraft open, LapDraft previous) {
        if (previous == null || previous.sectors[sector] != null) {
            return open;
        }
        return target == previous || previous.completedBy(sector, value) ? previous : open;
    }

    /** Laps completed so far, then the lap in progress (whose end is null); call when the stream has been read. */
    List<LapDraft> drafts() {
        LapDraft open = laps.get(laps.size() - 1);
        exitsBeforeCount.forEach(exit -> open.exit(exit.at(), exit.fromThePits()));
        exitsBeforeCount.clear();
        return laps;
    }

    boolean inPitAtEnd() {
        return inPit;
    }

    boolean retired() {
        return retired;
    }

    Long stoppedAt() {
        return stoppedAt;
    }

    boolean ranAfterStart() {
        return ranAfterStart;
    }

    GapsToLeader gaps() {
        return gaps;
    }
}
