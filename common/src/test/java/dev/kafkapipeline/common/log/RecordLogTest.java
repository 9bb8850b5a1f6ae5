package dev.kafkapipeline.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RecordLogTest {
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(0);
    private final RecordLog log = new RecordLog(lines::add, "sent to faker", 10, TimeUnit.SECONDS.toNanos(10), now::get);

    @Test
    void aSlowProducerPrintsEveryRecord() {
        for (int i = 0; i < 5; i++) {
            now.addAndGet(TimeUnit.SECONDS.toNanos(5));
            log.record("Ann " + i, () -> "{\"name\":\"Ann\"}");
        }
        log.finish();
        assertEquals(5, lines.size());
        assertEquals("sent to faker key=Ann 0 {\"name\":\"Ann\"}", lines.get(0));
    }

    @Test
    void aboveTenRecordsASecondTheRestAreSummarisedNotPrinted() {
        // 25 seconds at 1,000 records/s: records at 0 ms, 1 ms, ... 24,999 ms
        for (int i = 0; i < 25_000; i++) {
            log.record("k" + i, () -> "{}");
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        }
        log.finish();
        long printed = lines.stream().filter(l -> l.startsWith("sent to faker key=")).count();
        List<String> summaries = lines.stream().filter(l -> l.startsWith("sent to faker: ")).toList();
        assertEquals(25 * 10, printed, "10 records a second are printed");
        assertEquals(3, summaries.size(), "one summary every 10 s and one at the end: " + summaries);
        assertTrue(summaries.get(0).contains(
                "10,001 records in the last 10.0 s (1,000 records/s), 9,900 of them not printed; 10,001 in all"),
                summaries.get(0));
        assertTrue(summaries.get(2).endsWith("25,000 in all"), summaries.get(2));
        assertEquals(25_000, log.total());
    }

    @Test
    void valuesOfUnprintedRecordsAreNeverRendered() {
        AtomicLong rendered = new AtomicLong();
        for (int i = 0; i < 100; i++) {
            log.record("k", () -> {
                rendered.incrementAndGet();
                return "{}";
            });
        }
        assertEquals(10, rendered.get());
    }
}
