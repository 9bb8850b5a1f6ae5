package dev.kafkapipeline.f1.laps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LapEndsTest {
    private static LapDraft draft(Long s1, Long s1At, Long s2, Long s2At, Long s3, Long s3At) {
        LapDraft d = new LapDraft();
        d.sectors[0] = s1;
        d.sectors[1] = s2;
        d.sectors[2] = s3;
        d.sectorAt[0] = s1At;
        d.sectorAt[1] = s2At;
        d.sectorAt[2] = s3At;
        return d;
    }

    @Test
    void aLapEndsAtTheEarliestEvidenceOfTheLine() {
        List<LapDraft> drafts = List.of(
                draft(30_000L, 130_700L, 30_000L, 160_600L, 40_000L, 200_500L),
                draft(30_000L, 230_000L, 30_000L, 259_900L, 40_000L, 300_100L),
                draft(29_000L, 328_800L, 30_000L, 359_000L, 40_000L, 399_500L),
                draft(null, null, null, null, null, null));
        Long[] ends = LapEnds.atTheLine(drafts, new Long[] {201_000L, 305_000L, 400_000L, 500_000L});
        assertArrayEquals(new Long[] {200_500L, 299_900L, 398_800L, 500_000L}, ends,
                "sector 3's arrival; sector 2's plus sector 3; sector 1's plus sectors 2 and 3; the count alone");
    }

    @Test
    void evidenceThatWouldEndALapBeforeThePreviousOneIsNotUsed() {
        List<LapDraft> drafts = List.of(draft(null, null, null, null, null, null), draft(30_000L, 90_000L, 30_000L, 100_000L, 10_000L, 205_000L));
        assertArrayEquals(new Long[] {150_000L, 210_000L}, LapEnds.atTheLine(drafts, new Long[] {150_000L, 210_000L}));
    }

    @Test
    void aLapCountedLateEndsWhereTheNextLapTimeSays() {
        List<LapDraft> drafts = List.of(new LapDraft(), new LapDraft(), new LapDraft());
        Long[] ends = LapEnds.synced(drafts, new Long[] {100_000L, 100_000L, 100_000L}, new Long[] {160_000L, 290_000L, 360_000L}, 60_000L);
        assertArrayEquals(new Long[] {160_000L, 260_000L, 360_000L}, ends);
    }

    @Test
    void aLapTimeThatWouldPutAnEndBeforeTheLapBeforeOrOf150sOrMoreMovesNothing() {
        List<LapDraft> drafts = List.of(new LapDraft(), new LapDraft(), new LapDraft());
        Long[] ends = LapEnds.synced(drafts, new Long[] {100_000L, 100_000L, 200_000L}, new Long[] {160_000L, 290_000L, 480_000L}, 60_000L);
        assertArrayEquals(new Long[] {160_000L, 290_000L, 480_000L}, ends);
        Long[] early = LapEnds.synced(drafts, new Long[] {100_000L, 100_000L, 100_000L}, new Long[] {160_000L, 290_000L, 250_000L}, 60_000L);
        assertArrayEquals(new Long[] {160_000L, 290_000L, 250_000L}, early, "250 - 100 is before lap 1's end");
    }
}
