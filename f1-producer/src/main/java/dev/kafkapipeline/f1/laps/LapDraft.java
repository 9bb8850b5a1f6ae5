package dev.kafkapipeline.f1.laps;

/**
 * A lap while the timing stream is read, filled in as updates arrive; {@link LapBuilder}
 * turns the drafts into {@link Lap}s once the stream has been read. Times are stream
 * milliseconds; null where nothing arrived.
 */
final class LapDraft {
    final Long[] sectors = new Long[3];
    /** When each sector time arrived: the car was at the end of that sector no later than this. */
    final Long[] sectorAt = new Long[3];
    Long lapTime;
    /** When the lap count that ended this lap arrived; null for the lap still open at the end of the stream. */
    Long countedAt;
    Long pitInAt;
    Long pitOutAt;
    /** The exit was from the pits, not the first InPit false of a car never seen in them. */
    boolean realPitOut;
    /** A sector time, lap time or speed arrived for this lap (FastF1's test for a lap that happened). */
    boolean hasData;

    void exit(long at, boolean fromThePits) {
        pitOutAt = at;
        realPitOut = fromThePits;
    }

    /** The sum of the sector times there are. */
    long sectorSum() {
        long sum = 0;
        for (Long sector : sectors) {
            sum += sector == null ? 0 : sector;
        }
        return sum;
    }

    /** {@code value} as this lap's sector {@code sector} makes the three sectors add up to its lap time exactly. */
    boolean completedBy(int sector, long value) {
        if (lapTime == null) {
            return false;
        }
        long sum = value;
        for (int i = 0; i < 3; i++) {
            if (i != sector) {
                if (sectors[i] == null) {
                    return false;
                }
                sum += sectors[i];
            }
        }
        return sum == lapTime;
    }
}
