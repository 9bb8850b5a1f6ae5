package dev.kafkapipeline.local.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A cluster's write count is the sum over its nodes, and a node killed in between counts from zero after its restart. */
class WriteCountsTest {

    @Test
    void theRestartedNodesWritesAreItsCountAtTheKillBeyondTheStartPlusAllItCountsAfter() {
        WriteCounts.Reading before = reading(100, 200, 300);
        WriteCounts.Reading atKill = reading(150, 260, 390);
        WriteCounts.Reading after = reading(40, 330, 470);

        // cassandra-1: 50 before its kill, 40 after its restart; the others: 130 and 170.
        assertEquals(50 + 40 + 130 + 170, after.since(before, SinkPath.CONNECT, Optional.of("cassandra-1"), Optional.of(atKill)));
        assertEquals(-60 + 130 + 170, after.since(before, SinkPath.CONNECT, Optional.empty(), Optional.empty()),
                "without the restart a node's new count reads as writes taken back");
        assertEquals(840, after.total(SinkPath.CONNECT));
    }

    private static WriteCounts.Reading reading(long first, long second, long third) {
        return new WriteCounts.Reading(Map.of(
                "cassandra-1", Map.of(SinkPath.CONNECT, first, SinkPath.CONSUMERS, 0L),
                "cassandra-2", Map.of(SinkPath.CONNECT, second, SinkPath.CONSUMERS, 0L),
                "cassandra-3", Map.of(SinkPath.CONNECT, third, SinkPath.CONSUMERS, 0L)));
    }
}
