package dev.kafkapipeline.local.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stall of one partition shows though the others flow on; re-deliveries cannot hide one. */
class WriteStallTest {
    private static final long SECOND = 1_000_000;
    private static final long KILL = 100 * SECOND;

    @Test
    void theLongestGapOfAnyPartitionAfterTheKillIsTheStall() {
        KeyLedger ledger = new KeyLedger("1", 1);
        long[][] writtenAt = new long[1][93];
        // Partitions 0 and 1 get a write every second from 90 s to 120 s; partition 2 none from 99 s (the kill at 100 s) to 112 s.
        int key = 0;
        for (long second = 90; second <= 120; second++) {
            for (int partition = 0; partition < 3; partition++) {
                ledger.acknowledged(0, key, partition);
                boolean stalled = partition == 2 && second > 98 && second < 112;
                writtenAt[0][key++] = stalled ? 0 : second * SECOND;
            }
        }

        Duration stall = WriteStall.longest(ledger, writtenAt, 0, KILL, 200 * SECOND);

        assertEquals(Duration.ofSeconds(12), stall, "from the kill to partition 2's first write after it");
    }

    @Test
    void gapsBeforeTheKillAndWritesAfterTheStreamEndedDoNotCount() {
        assertEquals(3 * SECOND, WriteStall.longestGap(new long[] {10 * SECOND, 90 * SECOND, 101 * SECOND, 104 * SECOND}, KILL));
        assertEquals(0, WriteStall.longestGap(new long[] {10 * SECOND, 90 * SECOND}, KILL), "nothing written after the kill");
        KeyLedger ledger = new KeyLedger("1", 1);
        ledger.acknowledged(0, 0, 0);
        ledger.acknowledged(0, 1, 0);
        long[][] writtenAt = {{99 * SECOND, 150 * SECOND}};
        assertEquals(Duration.ZERO, WriteStall.longest(ledger, writtenAt, 0, KILL, 120 * SECOND));
    }
}
