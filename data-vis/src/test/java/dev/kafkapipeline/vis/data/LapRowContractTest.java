package dev.kafkapipeline.vis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.kafkapipeline.cassandra.client.mapping.ColumnMapping;
import dev.kafkapipeline.cassandra.client.mapping.SinkMappings;
import dev.kafkapipeline.cassandra.client.mapping.TableMapping;
import dev.kafkapipeline.cassandra.client.write.CqlConversion;
import dev.kafkapipeline.cassandra.client.write.RecordLimits;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.rows.CqlType;
import dev.kafkapipeline.common.rows.LapColumn;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.SessionLaps;
import dev.kafkapipeline.f1.laps.SessionLoader;
import dev.kafkapipeline.f1.record.LapRecord;
import dev.kafkapipeline.local.stack.StackSettings;
import dev.kafkapipeline.testsupport.F1Archive;
import dev.kafkapipeline.vis.race.LapRange;
import dev.kafkapipeline.vis.race.SafetyCarPeriods;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract of a lap row from end to end, without servers: the laps
 * f1-producer builds from the archive sample (the 2018 Baku race), as the JSON
 * records it sends, through the fastf1 sink's mapping as cassandra/client parses
 * it and the writer's conversion to each column's CQL type, into data-vis's
 * {@link LapRow}. A column the mapping or the reader leaves out, or a format the
 * two ends read differently, fails here.
 */
class LapRowContractTest {
    private static final String BAKU = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";
    private static final CqlConversion CONVERSION = new CqlConversion(RecordLimits.DEFAULTS);

    private static SessionLaps baku;
    private static TableMapping mapping;

    @BeforeAll
    static void produceAndMap() throws IOException {
        try (ArchiveClient archive = new ArchiveClient(ArchiveSettings.of(F1Archive.root().toString()))) {
            baku = new SessionLoader(archive).load(BAKU);
        }
        Map<String, Object> sink = Json.MAPPER.readValue(
                Files.readAllBytes(StackSettings.findRepository().resolve("kafka/connect/sinks/fastf1-sink.json")), new TypeReference<>() {});
        mapping = SinkMappings.parse(Json.MAPPER.convertValue(sink.get("config"), new TypeReference<Map<String, String>>() {}), null, null)
                .get(0);
    }

    /** What the reader gets for a lap: the record as sent, mapped and converted as the writer does it, read as Cassandra returns it. */
    private static LapRow throughTheSink(Lap lap) {
        Map<String, Object> record = Json.readObject(Json.toBytes(LapRecord.of(baku.session(), lap)));
        Map<LapColumn, Object> row = new EnumMap<>(LapColumn.class);
        for (ColumnMapping column : mapping.columns()) {
            Object value = column.path().read(LapRecord.key(baku.session(), lap), record);
            LapColumn definition = definition(column.column());
            row.put(definition, value == null ? null : CONVERSION.convert(value, dataType(definition.type()), column.column(), column.path().toString()));
        }
        return LapRow.of(row);
    }

    @Test
    void everyColumnOfEveryLapReachesTheReaderAsTheProducerWroteIt() throws ReflectiveOperationException {
        RecordComponent[] components = RowComponents.of(LapRow.class, LapColumn.values());
        Set<LapColumn> seen = EnumSet.noneOf(LapColumn.class);
        for (Lap lap : baku.laps()) {
            Map<String, Object> record = LapRecord.of(baku.session(), lap);
            LapRow read = throughTheSink(lap);
            for (LapColumn column : LapColumn.values()) {
                Object written = record.get(column.column());
                Object expected = written == null ? null : CONVERSION.convert(written, dataType(column.type()), column.column(), "");
                assertEquals(expected, RowComponents.value(components[column.ordinal()], read),
                        column + " of " + lap.driver().code() + " lap " + lap.number());
                if (expected != null) {
                    seen.add(column);
                }
            }
        }
        assertEquals(EnumSet.allOf(LapColumn.class), seen, "every column carries a value on some lap of the race");
    }

    @Test
    void theReaderSeesTheRaceTheProducerBuilt() {
        List<LapRow> rows = new ArrayList<>();
        for (Lap lap : baku.laps()) {
            LapRow read = throughTheSink(lap);
            assertEquals(Optional.ofNullable(lap.lapTime()).map(millis -> millis / 1000.0), read.lapSeconds());
            assertEquals(lap.pitIn(), read.pitIn());
            rows.add(read);
        }
        List<LapRow> verstappenAndLeclerc = rows.stream().filter(r -> Set.of("VER", "LEC").contains(r.driver())).toList();
        // README, Figure 1: the race starts behind the safety car (laps 1-5), which comes out again for laps 40-47.
        assertEquals(List.of(new LapRange(1, 5), new LapRange(40, 47)), SafetyCarPeriods.of(verstappenAndLeclerc));
        assertTrue(rows.stream().anyMatch(r -> r.trackStatus() != null && r.trackStatus().contains(",")), "some lap saw more than one track status");
    }

    private static DataType dataType(CqlType type) {
        return switch (type) {
            case TEXT -> DataTypes.TEXT;
            case INT -> DataTypes.INT;
            case BOOLEAN -> DataTypes.BOOLEAN;
            case TIMESTAMP -> DataTypes.TIMESTAMP;
        };
    }

    /** The definition of a mapped column. */
    private static LapColumn definition(String column) {
        return Arrays.stream(LapColumn.values()).filter(c -> c.column().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("the fastf1 mapping writes column " + column + ", which LapColumn does not define"));
    }
}
