package dev.kafkapipeline.f1.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GapsToLeaderTest {
    @Test
    void theFeedsThreeFormsOfGap() {
        assertEquals(0L, GapsToLeader.parse("LAP 49"));
        assertEquals(1_360L, GapsToLeader.parse("+1.360"));
        assertEquals(63_125L, GapsToLeader.parse("+1:03.125"));
        assertEquals(GapsToLeader.LAP, GapsToLeader.parse("1 L"));
        assertEquals(2 * GapsToLeader.LAP, GapsToLeader.parse("2L"));
        assertNull(GapsToLeader.parse(""));
        assertThrows(IllegalArgumentException.class, () -> GapsToLeader.parse("behind"));
    }

    @Test
    void theGapNearestToAMomentWithinAWindow() {
        GapsToLeader gaps = new GapsToLeader();
        for (int i = 0; i < 100; i++) {
            gaps.add(i * 5_000L, i * 10L);
        }
        assertEquals(200L, gaps.near(100_300, 500));
        assertEquals(210L, gaps.near(104_600, 500));
        assertNull(gaps.near(102_500, 500), "2.5 s from either");
        assertNull(gaps.near(600_000, 500), "after the last");
    }
}
