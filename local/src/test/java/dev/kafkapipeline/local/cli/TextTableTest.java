package dev.kafkapipeline.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void alignsColumnsToTheWidestCellAndPrintsNullsAsNull() {
        TextTable table = new TextTable(List.of("driver", "lap_time"));
        table.add(List.of("VER", "01:45.771"));
        table.add(Arrays.asList("LEC", null));
        assertEquals("""
                driver | lap_time
                ------ | ---------
                VER    | 01:45.771
                LEC    | null
                """, table.render());
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        TextTable table = new TextTable(List.of("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> table.add(List.of("x")));
    }
}
