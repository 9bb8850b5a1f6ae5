package dev.kafkapipeline.common.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AckWatchTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong();
    private final List<String> lines = new ArrayList<>();
    private final AckWatch watch = new AckWatch("localhost:9092", Duration.ofSeconds(5), now::get, lines::add);

    @Test
    void aBrokerThatAcknowledgesInTimeIsNeverReported() {
        for (int i = 0; i < 100; i++) {
            watch.handedOver();
            now.addAndGet(SECOND / 10);
            watch.settled();
            watch.check();
        }
        assertEquals(List.of(), lines);
    }

    @Test
    void anOutageIsOneLineAndItsEndAnother() {
        watch.handedOver();
        watch.handedOver();
        for (int s = 0; s < 30; s++) {
            now.addAndGet(SECOND);
            watch.check();
            watch.handedOver();
        }
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Kafka at localhost:9092 has acknowledged nothing for 5 s (6 records waiting)"), lines.get(0));

        watch.settled();
        for (int i = 0; i < 31; i++) {
            watch.settled();
        }
        watch.check();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("Kafka at localhost:9092 acknowledges again after 30.0 s (32 records were waiting)", lines.get(1));
    }

    @Test
    void nothingWaitingIsNoOutageHoweverQuiet() {
        watch.handedOver();
        watch.settled();
        now.addAndGet(60 * SECOND);
        watch.check();
        assertEquals(List.of(), lines);
    }

    @Test
    void aSecondOutageIsReportedAgain() {
        watch.handedOver();
        now.addAndGet(6 * SECOND);
        watch.check();
        watch.settled();
        watch.handedOver();
        now.addAndGet(6 * SECOND);
        watch.check();
        assertEquals(3, lines.size(), lines.toString());
    }
}
