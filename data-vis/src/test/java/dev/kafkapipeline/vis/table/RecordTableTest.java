package dev.kafkapipeline.vis.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordTableTest {
    record Person(String name, Integer year, String job) {}

    @Test
    void alignsColumnsUnderComponentNamesAndCountsTheRowsLeftOut() {
        List<Person> people = List.of(
                new Person("Ada", 1990, "engineer"),
                new Person("Bartholomew", null, "an extraordinarily long job title"),
                new Person("Cy", 2001, "pilot"));
        assertEquals("""
                name         year  job
                Ada          1990  engineer
                Bartholomew        an extraordinarily long job…
                ... 1 more rows
                """, RecordTable.of(people, 2));
    }

    @Test
    void noRows() {
        assertEquals("(no rows)", RecordTable.of(List.<Person>of(), 5));
    }
}
