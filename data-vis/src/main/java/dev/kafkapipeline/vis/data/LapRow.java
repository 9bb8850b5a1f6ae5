package dev.kafkapipeline.vis.data;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of lapsummary (cassandra/schema-faker.cql), columns in table order.
 * Nullable columns are boxed: the archive leaves many of them empty (no time on
 * a lap 1 that never crossed the line, no compound before the first tyre message).
 */
public record LapRow(
        String sessionKey,
        String driver,
        int lapNumber,
        String sessionName,
        String track,
        Instant date,
        String driverNumber,
        String driverName,
        String team,
        String lapTime,
        Boolean lapTimeDerived,
        Boolean incomplete,
        Integer position,
        String tyreCompound,
        Integer tyreLife,
        Boolean freshTyre,
        Integer stint,
        Boolean pitStop,
        Boolean pitOut,
        String trackStatus,
        String sector1Time,
        String sector2Time,
        String sector3Time) {

    /** The lap time in seconds, empty where the lap has none. */
    public Optional<Double> lapSeconds() {
        return LapTimes.seconds(lapTime);
    }

    /**
     * Track status codes as the live-timing feed sends them: 4 safety car,
     * 6 virtual safety car deployed, 7 virtual safety car ending.
     */
    public boolean underSafetyCar() {
        return trackStatus != null
                && (trackStatus.contains("4") || trackStatus.contains("6") || trackStatus.contains("7"));
    }

    /** The lap that ends in the pit lane or the one that leaves it: both are slow for reasons other than pace. */
    public boolean pitInOrOut() {
        return Boolean.TRUE.equals(pitStop) || Boolean.TRUE.equals(pitOut);
    }
}
