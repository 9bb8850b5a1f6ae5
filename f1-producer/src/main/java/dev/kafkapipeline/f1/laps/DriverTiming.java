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
    private final List<Draft> laps = new ArrayList<>();
    private int apiLaps;
    private boolean inPast;
    private int pitExits = -1;
    private boolean sawPitEntry;
    private boolean inPit;
    private boolean retired;
    private Long stoppedAt;
    /** A pit exit sent in the same update as the end of the lap: it belongs to the next lap. */
    private Long pendingPitOut;
    private boolean pendingReal;

    DriverTiming(String number, int firstLine) {
        this.number = number;
        this.firstLine = firstLine;
        laps.add(new Draft());
    }

    /** A lap while the stream is read; {@link LapBuilder} turns the drafts into {@link Lap}s at the end. */
    static final class Draft {
        final Long[] sectors = new Long[3];
        Long lapTime;
        Long end;
        Long pitInAt;
        Long pitOutAt;
        boolean realPitOut;
        boolean hasData;
    }

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
        Draft open = laps.get(laps.size() - 1);
        Draft previous = laps.size() > 1 ? laps.get(laps.size() - 2) : null;
        Draft target = previous != null && t - previous.end < LATE_MS ? previous : open;

        if (timesCount) {
            JsonNode sectors = line.get("Sectors");
            if (sectors != null && sectors.isObject()) {
                for (int i = 0; i < 3; i++) {
                    Long value = TimeText.millis(sectors.path(String.valueOf(i)).path("Value").asText(""));
                    if (value != null) {
                        // Unlike FastF1, a late value never overwrites a sector the previous lap already has: a sector 1
                        // time stamped just after the line is the new lap's, sent early (2018 Baku, SAI lap 9).
                        Draft owner = target == previous && previous.sectors[i] != null ? open : target;
                        owner.sectors[i] = value;
                        owner.hasData = true;
                    }
                }
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
                open.pitOutAt = t;
                open.realPitOut = sawPitEntry;
                if (reported > apiLaps) {
                    open.pitOutAt = null;
                    open.realPitOut = false;
                    pendingPitOut = t;
                    pendingReal = sawPitEntry;
                }
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
                open.end = t;
                Draft next = new Draft();
                if (pendingPitOut != null) {
                    next.pitOutAt = pendingPitOut;
                    next.realPitOut = pendingReal;
                } else if (open.pitOutAt != null && t - open.pitOutAt < LATE_MS) {
                    next.pitOutAt = open.pitOutAt;
                    next.realPitOut = open.realPitOut;
                    open.pitOutAt = null;
                    open.realPitOut = false;
                }
                laps.add(next);
            }
            pendingPitOut = null;
        }
    }

    /** Laps completed so far, then the lap in progress (whose end is null). */
    List<Draft> drafts() {
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
}
