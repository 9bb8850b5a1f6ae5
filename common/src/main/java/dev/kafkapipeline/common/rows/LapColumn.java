package dev.kafkapipeline.common.rows;

/**
 * The one definition of a lap row: the columns of lapsummary, in the order of
 * the fastf1 record's fields and of {@code ./pipeline laps}' CSV. f1-producer
 * writes its records from it; the schema file (cassandra/lapsummary.cql) and the
 * fastf1 sink's mapping are checked against it; data-vis reads rows by it.
 *
 * <p>A column's Java name follows its constant everywhere ({@code PIT_IN} is
 * {@code pitIn}), also where the column keeps the original contract's name
 * ({@code pit_stop}). Times come twice: as the text users read in cqlsh
 * ({@code lap_time} MM:SS.mmm, sectors SS.mmm) and as whole milliseconds, which
 * is what programs read, so no text is ever parsed back.
 */
public enum LapColumn implements Column {
    SESSION_KEY("session_key", CqlType.TEXT),
    SESSION_NAME("session_name", CqlType.TEXT),
    TRACK("track", CqlType.TEXT),
    DATE("date", CqlType.TIMESTAMP),
    DRIVER("driver", CqlType.TEXT),
    DRIVER_NUMBER("driver_number", CqlType.TEXT),
    DRIVER_NAME("driver_name", CqlType.TEXT),
    TEAM("team", CqlType.TEXT),
    LAP_NUMBER("lap_number", CqlType.INT),
    LAP_TIME("lap_time", CqlType.TEXT),
    LAP_TIME_DERIVED("lap_time_derived", CqlType.BOOLEAN),
    INCOMPLETE("incomplete", CqlType.BOOLEAN),
    POSITION("position", CqlType.INT),
    TYRE_COMPOUND("tyre_compound", CqlType.TEXT),
    TYRE_LIFE("tyre_life", CqlType.INT),
    FRESH_TYRE("fresh_tyre", CqlType.BOOLEAN),
    STINT("stint", CqlType.INT),
    /** The driver entered the pits on this lap (the original pipeline called the column pit_stop). */
    PIT_IN("pit_stop", CqlType.BOOLEAN),
    PIT_OUT("pit_out", CqlType.BOOLEAN),
    /** The codes of the track status during the lap, as {@link TrackStatus} writes and reads them. */
    TRACK_STATUS("track_status", CqlType.TEXT),
    SECTOR1_TIME("sector1_time", CqlType.TEXT),
    SECTOR2_TIME("sector2_time", CqlType.TEXT),
    SECTOR3_TIME("sector3_time", CqlType.TEXT),
    LAP_TIME_MS("lap_time_ms", CqlType.INT),
    SECTOR1_MS("sector1_ms", CqlType.INT),
    SECTOR2_MS("sector2_ms", CqlType.INT),
    SECTOR3_MS("sector3_ms", CqlType.INT);

    private final String column;
    private final CqlType type;

    LapColumn(String column, CqlType type) {
        this.column = column;
        this.type = type;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public CqlType type() {
        return type;
    }
}
