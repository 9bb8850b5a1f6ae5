package dev.kafkapipeline.vis.race;

/**
 * A run of laps on one set of tyres.
 *
 * @param fresh whether the set was new when fitted (a used set is drawn faded and hatched)
 */
public record Stint(String driver, int number, String compound, boolean fresh, int firstLap, int lastLap) {

    public int laps() {
        return lastLap - firstLap + 1;
    }
}
