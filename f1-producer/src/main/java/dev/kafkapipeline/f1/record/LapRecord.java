package dev.kafkapipeline.f1.record;

import dev.kafkapipeline.common.rows.LapColumn;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.Session;
import dev.kafkapipeline.f1.laps.TimeText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fastf1 record of a lap: a flat JSON object whose fields are the
 * lapsummary columns ({@link LapColumn}), in their order. Absent values are left
 * out, so an upsert never writes a null (a tombstone) into Cassandra.
 */
public final class LapRecord {
    private LapRecord() {}

    /** The Kafka key: one session and driver, so a driver's laps stay in order on one partition. */
    public static String key(Session session, Lap lap) {
        return session.key() + "/" + lap.driver().code();
    }

    public static Map<String, Object> of(Session session, Lap lap) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (LapColumn column : LapColumn.values()) {
            Object value = value(column, session, lap);
            if (value != null && !(value instanceof String s && s.isEmpty())) {
                record.put(column.column(), value);
            }
        }
        return record;
    }

    /** Where each column's value comes from; a column added to the definition does not compile until it is said here. */
    private static Object value(LapColumn column, Session session, Lap lap) {
        return switch (column) {
            case SESSION_KEY -> session.key();
            case SESSION_NAME -> session.name();
            case TRACK -> session.track();
            case DATE -> session.start() == null ? null : session.start().toString();
            case DRIVER -> lap.driver().code();
            case DRIVER_NUMBER -> lap.driver().number();
            case DRIVER_NAME -> lap.driver().name();
            case TEAM -> lap.driver().team();
            case LAP_NUMBER -> lap.number();
            case LAP_TIME -> TimeText.lapTime(lap.lapTime());
            case LAP_TIME_DERIVED -> lap.lapTimeDerived();
            case INCOMPLETE -> lap.incomplete();
            case POSITION -> lap.position();
            case TYRE_COMPOUND -> lap.compound();
            case TYRE_LIFE -> lap.tyreLife();
            case FRESH_TYRE -> lap.freshTyre();
            case STINT -> lap.stint();
            case PIT_IN -> lap.pitIn();
            case PIT_OUT -> lap.pitOut();
            case TRACK_STATUS -> lap.trackStatus();
            case SECTOR1_TIME -> TimeText.sectorTime(lap.sector1());
            case SECTOR2_TIME -> TimeText.sectorTime(lap.sector2());
            case SECTOR3_TIME -> TimeText.sectorTime(lap.sector3());
            case LAP_TIME_MS -> lap.lapTime();
            case SECTOR1_MS -> lap.sector1();
            case SECTOR2_MS -> lap.sector2();
            case SECTOR3_MS -> lap.sector3();
        };
    }
}
