package dev.kafkapipeline.f1.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarningsTest {
    @Test
    void aKindThatRepeatsIsReportedOnceAtItsFirstLineWithACount() {
        Warnings warnings = new Warnings();
        warnings.add("repeat", "T.jsonStream line 3 repeats line 1");
        warnings.add("a file is missing");
        warnings.add("repeat", "T.jsonStream line 9 repeats line 2");
        warnings.add("repeat", "T.jsonStream line 10 repeats line 2");
        warnings.add("a file is missing");
        assertEquals(List.of("T.jsonStream line 3 repeats line 1 (and 2 more lines like it)", "a file is missing (and 1 more line like it)"),
                warnings.list());
    }
}
