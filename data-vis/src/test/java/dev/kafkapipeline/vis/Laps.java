package dev.kafkapipeline.vis;

import dev.kafkapipeline.vis.data.LapRow;

/** Builds lapsummary rows for tests, only the columns a test cares about. */
public record Laps(String driver, int lap, String time, String compound, Integer stint, Boolean fresh,
        boolean inLap, boolean outLap, String trackStatus) {

    public static final String KEY = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";

    public static Laps lap(String driver, int lap, String time) {
        return new Laps(driver, lap, time, null, null, null, false, false, "1");
    }

    public Laps tyre(String compound, Integer stint, Boolean fresh) {
        return new Laps(driver, lap, time, compound, stint, fresh, inLap, outLap, trackStatus);
    }

    public Laps pitIn() {
        return new Laps(driver, lap, time, compound, stint, fresh, true, outLap, trackStatus);
    }

    public Laps pitOut() {
        return new Laps(driver, lap, time, compound, stint, fresh, inLap, true, trackStatus);
    }

    public Laps status(String status) {
        return new Laps(driver, lap, time, compound, stint, fresh, inLap, outLap, status);
    }

    public LapRow row() {
        return new LapRow(KEY, driver, lap, "Race", "Baku", null, null, null, null, time, false, false, null,
                compound, null, fresh, stint, inLap, outLap, trackStatus, null, null, null);
    }
}
