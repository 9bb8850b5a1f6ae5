package dev.kafkapipeline.vis;

import dev.kafkapipeline.common.rows.LapColumn;
import dev.kafkapipeline.vis.data.LapRow;
import java.util.EnumMap;
import java.util.Map;

/** Builds lapsummary rows for tests, only the columns a test cares about; lap times in milliseconds. */
public final class Laps {
    public static final String KEY = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";

    private final String driver;
    private final int lap;
    private final Integer millis;
    private final String compound;
    private final Integer stint;
    private final Boolean fresh;
    private final boolean pitIn;
    private final boolean pitOut;
    private final String trackStatus;

    private Laps(String driver, int lap, Integer millis, String compound, Integer stint, Boolean fresh, boolean pitIn, boolean pitOut,
            String trackStatus) {
        this.driver = driver;
        this.lap = lap;
        this.millis = millis;
        this.compound = compound;
        this.stint = stint;
        this.fresh = fresh;
        this.pitIn = pitIn;
        this.pitOut = pitOut;
        this.trackStatus = trackStatus;
    }

    public static Laps lap(String driver, int lap, Integer millis) {
        return new Laps(driver, lap, millis, null, null, null, false, false, "1");
    }

    public Laps tyre(String compound, Integer stint, Boolean fresh) {
        return new Laps(driver, lap, millis, compound, stint, fresh, pitIn, pitOut, trackStatus);
    }

    public Laps pitIn() {
        return new Laps(driver, lap, millis, compound, stint, fresh, true, pitOut, trackStatus);
    }

    public Laps pitOut() {
        return new Laps(driver, lap, millis, compound, stint, fresh, pitIn, true, trackStatus);
    }

    public Laps status(String status) {
        return new Laps(driver, lap, millis, compound, stint, fresh, pitIn, pitOut, status);
    }

    public LapRow row() {
        Map<LapColumn, Object> values = new EnumMap<>(LapColumn.class);
        values.put(LapColumn.SESSION_KEY, KEY);
        values.put(LapColumn.SESSION_NAME, "Race");
        values.put(LapColumn.TRACK, "Baku");
        values.put(LapColumn.DRIVER, driver);
        values.put(LapColumn.LAP_NUMBER, lap);
        values.put(LapColumn.LAP_TIME_MS, millis);
        values.put(LapColumn.LAP_TIME_DERIVED, false);
        values.put(LapColumn.INCOMPLETE, false);
        values.put(LapColumn.TYRE_COMPOUND, compound);
        values.put(LapColumn.FRESH_TYRE, fresh);
        values.put(LapColumn.STINT, stint);
        values.put(LapColumn.PIT_IN, pitIn);
        values.put(LapColumn.PIT_OUT, pitOut);
        values.put(LapColumn.TRACK_STATUS, trackStatus);
        return LapRow.of(values);
    }
}
