package dev.kafkapipeline.local.text;

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
    void figuresFromTheFirstRightAlignedColumnOnLineUpOnTheRight() {
        TextTable table = new TextTable(List.of("fault", "path", "lost"), 2);
        table.add(List.of("broker", "connect", "1,234"));
        table.add(List.of("", "consumers", "0"));
        assertEquals("""
                fault  | path      |  lost
                ------ | --------- | -----
                broker | connect   | 1,234
                       | consumers |     0
                """, table.render());
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        TextTable table = new TextTable(List.of("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> table.add(List.of("x")));
    }
}
