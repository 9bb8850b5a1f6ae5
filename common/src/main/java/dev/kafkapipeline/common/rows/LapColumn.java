package dev.kafkapipeline.common.rows;

import static dev.kafkapipeline.common.rows.CqlType.BOOLEAN;
import static dev.kafkapipeline.common.rows.CqlType.INT;
import static dev.kafkapipeline.common.rows.CqlType.TEXT;
import static dev.kafkapipeline.common.rows.CqlType.TIMESTAMP;

/**
 * The one definition of a lap row: the columns of lapsummary, in the order of
 * the fastf1 record's fields and of {@code ./pipeline laps}' CSV. f1-producer
 * writes its records from it; the schema file (cassandra/lapsummary.cql) and the
 * fastf1 sink's mapping are checked against it; data-vis reads rows by it.
 *
 * <p>Times come twice: as the text users read in cqlsh ({@code lap_time}
 * MM:SS.mmm, sectors SS.mmm) and as whole milliseconds, which is what programs
 * read, so no text is ever parsed back.
 */
public enum LapColumn implements Column {
    SESSION_KEY(TEXT), SESSION_NAME(TEXT), TRACK(TEXT), DATE(TIMESTAMP),
    DRIVER(TEXT), DRIVER_NUMBER(TEXT), DRIVER_NAME(TEXT), TEAM(TEXT),
    LAP_NUMBER(INT), LAP_TIME(TEXT), LAP_TIME_DERIVED(BOOLEAN), INCOMPLETE(BOOLEAN), POSITION(INT),
    TYRE_COMPOUND(TEXT), TYRE_LIFE(INT), FRESH_TYRE(BOOLEAN), STINT(INT),
    /** The driver entered the pits on this lap: pitIn in Java, pit_stop in the original contract's column. */
    PIT_IN(BOOLEAN) {
        @Override
        public String column() {
            return "pit_stop";
        }
    },
    PIT_OUT(BOOLEAN),
    /** The codes of the track status during the lap, as {@link TrackStatus} writes and reads them. */
    TRACK_STATUS(TEXT),
    SECTOR1_TIME(TEXT), SECTOR2_TIME(TEXT), SECTOR3_TIME(TEXT),
    LAP_TIME_MS(INT), SECTOR1_MS(INT), SECTOR2_MS(INT), SECTOR3_MS(INT);

    private final CqlType type;

    LapColumn(CqlType type) { this.type = type; }

    @Override public CqlType type() { return type; }
}
