package dev.kafkapipeline.cassandra.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.cassandra.client.schema.SchemaTables;
import dev.kafkapipeline.common.rows.Column;
import dev.kafkapipeline.common.rows.FakerColumn;
import dev.kafkapipeline.common.rows.LapColumn;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one check of the schema files against the row definitions: lapsummary.cql
 * and schema-faker.cql create exactly the definitions' columns, in their order,
 * with their CQL types, and add no other to a table made by an older version.
 */
class SchemaFilesTest {
    @Test
    void lapsummaryHasTheColumnsOfTheLapDefinition() {
        assertEquals(declared(LapColumn.values()), SchemaTables.created("lapsummary"));
    }

    @Test
    void fakerdataHasTheColumnsOfTheFakerDefinition() {
        assertEquals(declared(FakerColumn.values()), SchemaTables.created("fakerdata"));
    }

    @Test
    void whatIsAddedToAnOlderTableIsWhatANewTableHas() {
        List<String> added = SchemaTables.added("lapsummary");
        assertEquals(List.of("lap_time_ms int", "sector1_ms int", "sector2_ms int", "sector3_ms int"), added);
        for (String table : List.of("weatherreport", "fakerdata", "lapsummary")) {
            List<String> created = SchemaTables.created(table);
            assertTrue(created.containsAll(SchemaTables.added(table)), table + ": adds " + SchemaTables.added(table)
                    + ", not all of them in its CREATE TABLE " + created);
        }
    }

    private static List<String> declared(Column[] definition) {
        return Arrays.stream(definition).map(c -> c.column() + " " + c.type().cql()).toList();
    }
}
