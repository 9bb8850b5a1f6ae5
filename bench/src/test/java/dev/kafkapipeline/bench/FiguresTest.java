package dev.kafkapipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.json.Json;
import org.junit.jupiter.api.Test;

class FiguresTest {
    @Test
    void rateCountsIntervalsBetweenFirstAndLastWrite() {
        // 5 rows written 0.25 s apart: 4 intervals in 1 s.
        assertEquals(4.0, Figures.rowsPerSecond(new long[] {1_000_000, 1_250_000, 1_500_000, 1_750_000, 2_000_000}), 1e-9);
    }

    @Test
    void percentilesByNearestRank() {
        long[] values = {50, 10, 40, 20, 30, 60, 70, 80, 90, 100};
        assertEquals(50, Figures.percentile(values, 0.5));
        assertEquals(100, Figures.percentile(values, 0.99));
        assertEquals(10, Figures.percentile(values, 0.01));
    }

    @Test
    void benchRecordsAreFakerShapedAndAbout350Bytes() {
        int size = Json.toBytes(BenchRecords.person("m-000001", 1)).length;
        assertEquals(16, BenchRecords.person("x", 1).size());
        assertEquals(true, size > 300 && size < 420, "size " + size);
    }
}
