package dev.kafkapipeline.f1.laps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.f1.stream.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * One driver's laps out of his TimingData updates, read as FastF1's
 * {@code _laps_data_driver} reads them: a lap is counted when NumberOfLaps grows
 * ({@link LapEnds} then places its end at the line); sector and lap times that
 * arrive less than five seconds after a lap was counted still belong to it, and
 * so does a late sector time that completes its lap time exactly; InPit true
 * marks the in-lap, InPit false the out-lap (the next one when the count follows
 * within five seconds); updates from a lap count that went back in time are
 * ignored; nothing counts as a lap before the car first left the pits. It also
 * keeps what decides the laps the stream leaves open: stopped, retired, in the
 * pits, and the gaps to the leader.
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
     * @param fields     the update's line, for typed reading and for messages
     */
    void update(long t, JsonNode line, boolean timesCount, Fields fields) {
        Integer lapCount = fields.integer(line, "NumberOfLaps");
        int reported = lapCount == null ? -1 : lapCount;
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
            readTimes(t, line, fields, open, previous, target);
        }
        Boolean pit = fields.bool(line, "InPit");
        if (pit != null) {
            if (pit) {
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
        Boolean retiredFlag = fields.bool(line, "Retired");
        if (retiredFlag != null) {
            retired = retiredFlag;
        }
        Boolean stopped = fields.bool(line, "Stopped");
        if (stopped != null) {
            stoppedAt = stopped ? (stoppedAt == null ? t : stoppedAt) : null;
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

    /** Sector times, the lap time, speeds and the gap to the leader: what the timing measured on the lap. */
    private void readTimes(long t, JsonNode line, Fields fields, LapDraft open, LapDraft previous, LapDraft target) {
        JsonNode sectors = line.get("Sectors");
        // The first full message sends the sectors as a list, always without values (as FastF1 finds too).
        if (sectors != null && !sectors.isArray()) {
            sectors = fields.object(line, "Sectors");
            for (int i = 0; sectors != null && i < 3; i++) {
                JsonNode sector = fields.object(sectors, String.valueOf(i));
                Long value = sector == null ? null : time(fields, sector, "Sectors." + i);
                if (value != null) {
                    LapDraft owner = sectorOwner(i, value, target, open, previous);
                    owner.sectors[i] = value;
                    owner.sectorAt[i] = t;
                    owner.hasData = true;
                }
            }
        }
        String gapText = fields.text(line, "GapToLeader");
        if (gapText != null) {
            Long gap;
            try {
                gap = GapsToLeader.parse(gapText);
            } catch (IllegalArgumentException e) {
                throw fields.error("GapToLeader \"" + gapText + "\" is not a gap to the leader (\"+1.360\", \"LAP 12\" or \"1 L\")");
            }
            if (gap != null) {
                ranAfterStart = true;
                gaps.add(t, gap);
            }
        }
        JsonNode last = fields.object(line, "LastLapTime");
        Long lapTime = last == null ? null : time(fields, last, "LastLapTime");
        if (lapTime != null) {
            target.lapTime = lapTime;
            target.hasData = true;
        }
        JsonNode speeds = fields.object(line, "Speeds");
        if (speeds != null) {
            for (String trap : new String[] {"I1", "I2", "FL", "ST"}) {
                JsonNode speed = fields.object(speeds, trap);
                String value = speed == null ? null : fields.text(speed, "Value");
                if (value != null && !value.isEmpty()) {
                    // The speed trap on the straight can come early in the new lap, so it marks the lap in progress.
                    (trap.equals("ST") ? open : target).hasData = true;
                }
            }
        }
    }

    /** The {@code Value} of a timing entry as milliseconds; null when empty. */
    private static Long time(Fields fields, JsonNode entry, String what) {
        String text = fields.text(entry, "Value");
        try {
            return TimeText.millis(text);
        } catch (IllegalArgumentException e) {
            throw fields.error(what + ".Value \"" + text + "\" is not a time like 1:23.456");
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
