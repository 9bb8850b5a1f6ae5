package dev.kafkapipeline.f1.record;

import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.TimeText;
import dev.kafkapipeline.f1.laps.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fastf1 record of a lap: a flat JSON object whose fields are the
 * lapsummary columns. Absent values are left out, so an upsert never writes
 * a null (a tombstone) into Cassandra.
 */
public final class LapRecord {
    /** The lapsummary columns, in the order the laps command prints them. */
    public static final List<String> COLUMNS = List.of(
            "session_key", "session_name", "track", "date", "driver", "driver_number", "driver_name", "team",
            "lap_number", "lap_time", "lap_time_derived", "incomplete", "position", "tyre_compound", "tyre_life",
            "fresh_tyre", "stint", "pit_stop", "pit_out", "track_status", "sector1_time", "sector2_time", "sector3_time");

    private LapRecord() {}

    /** The Kafka key: one session and driver, so a driver's laps stay in order on one partition. */
    public static String key(Session session, Lap lap) {
        return session.key() + "/" + lap.driver().code();
    }

    public static Map<String, Object> of(Session session, Lap lap) {
        Map<String, Object> r = new LinkedHashMap<>();
        put(r, "session_key", session.key());
        put(r, "session_name", session.name());
        put(r, "track", session.track());
        put(r, "date", session.start() == null ? null : session.start().toString());
        put(r, "driver", lap.driver().code());
        put(r, "driver_number", lap.driver().number());
        put(r, "driver_name", lap.driver().name());
        put(r, "team", lap.driver().team());
        put(r, "lap_number", lap.number());
        put(r, "lap_time", TimeText.lapTime(lap.lapTime()));
        put(r, "lap_time_derived", lap.lapTimeDerived());
        put(r, "incomplete", lap.incomplete());
        put(r, "position", lap.position());
        put(r, "tyre_compound", lap.compound());
        put(r, "tyre_life", lap.tyreLife());
        put(r, "fresh_tyre", lap.freshTyre());
        put(r, "stint", lap.stint());
        put(r, "pit_stop", lap.pitIn());
        put(r, "pit_out", lap.pitOut());
        put(r, "track_status", lap.trackStatus());
        put(r, "sector1_time", TimeText.sectorTime(lap.sector1()));
        put(r, "sector2_time", TimeText.sectorTime(lap.sector2()));
        put(r, "sector3_time", TimeText.sectorTime(lap.sector3()));
        return r;
    }

    private static void put(Map<String, Object> record, String column, Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            record.put(column, value);
        }
    }
}
