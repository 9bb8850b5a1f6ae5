package dev.kafkapipeline.vis.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.rows.FakerColumn;
import dev.kafkapipeline.testsupport.FakerRecords;
import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakerRowTest {
    /** A column added to FakerColumn and not to the reader fails here, as a lap column fails LapRowContractTest. */
    @Test
    void everyColumnOfAPersonReachesItsComponent() throws ReflectiveOperationException {
        Map<String, Object> person = FakerRecords.person("Ada Lovelace", 7);
        Map<FakerColumn, Object> values = new EnumMap<>(FakerColumn.class);
        for (FakerColumn column : FakerColumn.values()) {
            values.put(column, person.get(column.column()));
        }
        FakerRow row = FakerRow.of(values);
        RecordComponent[] components = RowComponents.of(FakerRow.class, FakerColumn.values());
        for (FakerColumn column : FakerColumn.values()) {
            assertEquals(person.get(column.column()), RowComponents.value(components[column.ordinal()], row), column.column());
        }
    }
}
