package dev.kafkapipeline.vis.data;

import static dev.kafkapipeline.common.rows.LapColumn.*;

import dev.kafkapipeline.common.rows.LapColumn;
import dev.kafkapipeline.common.rows.TrackStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One row of lapsummary: a component per {@link LapColumn}, in its order and
 * named after it. Nullable columns are boxed: the archive leaves many of them
 * empty (no time on a lap 1 that never crossed the line, no compound before the
 * first tyre message).
 */
public record LapRow(
        String sessionKey, String sessionName, String track, Instant date,
        String driver, String driverNumber, String driverName, String team,
        int lapNumber, String lapTime, Boolean lapTimeDerived, Boolean incomplete, Integer position,
        String tyreCompound, Integer tyreLife, Boolean freshTyre, Integer stint,
        Boolean pitIn, Boolean pitOut, String trackStatus,
        String sector1Time, String sector2Time, String sector3Time,
        Integer lapTimeMs, Integer sector1Ms, Integer sector2Ms, Integer sector3Ms) {

    /** The row of these column values, each of its column type's Java type (absent where the column is unset). */
    public static LapRow of(Map<LapColumn, ?> values) {
        ColumnValues v = new ColumnValues(values);
        return new LapRow(v.get(SESSION_KEY), v.get(SESSION_NAME), v.get(TRACK), v.get(DATE), v.get(DRIVER), v.get(DRIVER_NUMBER),
                v.get(DRIVER_NAME), v.get(TEAM), v.<Integer>get(LAP_NUMBER), v.get(LAP_TIME), v.get(LAP_TIME_DERIVED),
                v.get(INCOMPLETE), v.get(POSITION), v.get(TYRE_COMPOUND), v.get(TYRE_LIFE), v.get(FRESH_TYRE), v.get(STINT),
                v.get(PIT_IN), v.get(PIT_OUT), v.get(TRACK_STATUS), v.get(SECTOR1_TIME), v.get(SECTOR2_TIME), v.get(SECTOR3_TIME),
                v.get(LAP_TIME_MS), v.get(SECTOR1_MS), v.get(SECTOR2_MS), v.get(SECTOR3_MS));
    }

    /** The lap time in seconds, from the milliseconds column; empty where the lap has none. */
    public Optional<Double> lapSeconds() {
        return Optional.ofNullable(lapTimeMs).map(millis -> millis / 1000.0);
    }

    /** A safety car or virtual safety car was out during the lap, by the codes of its track status. */
    public boolean underSafetyCar() {
        return trackStatus != null && TrackStatus.parse(trackStatus).neutralised();
    }

    /** The lap that ends in the pit lane or the one that leaves it: both are slow for reasons other than pace. */
    public boolean pitInOrOut() {
        return Boolean.TRUE.equals(pitIn) || Boolean.TRUE.equals(pitOut);
    }
}
