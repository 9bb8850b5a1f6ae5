package dev.kafkapipeline.f1.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StintPlacementTest {
    private static final Driver A = new Driver("1", "AAA", "A", "T");
    private final List<String> warnings = new ArrayList<>();

    /** Laps 1..n; those in {@code exits} left the pits at lap number x 100 s. */
    private static List<Lap> laps(int n, int... exits) {
        List<Lap> laps = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int number = i;
            laps.add(Lap.builder(A, i).pitOut(java.util.Arrays.stream(exits).anyMatch(e -> e == number)).build());
        }
        return laps;
    }

    private static List<LapDraft> drafts(List<Lap> laps) {
        List<LapDraft> drafts = new ArrayList<>();
        for (Lap lap : laps) {
            LapDraft d = new LapDraft();
            d.pitOutAt = lap.pitOut() ? lap.number() * 100_000L : null;
            drafts.add(d);
        }
        return drafts;
    }

    private List<String> compounds(List<Lap> laps) {
        return laps.stream().map(l -> l.compound() + " " + l.stint() + " " + l.tyreLife()).toList();
    }

    @Test
    void eachStintStartsAtAnOutLapAndTyreLifeCountsFromItsStartLaps() {
        List<Lap> laps = laps(4, 3);
        List<TyreStint> stints = List.of(new TyreStint("SOFT", false, 3, 0, -1), new TyreStint("HARD", true, 0, 0, -1));
        assertEquals(List.of("SOFT 1 4", "SOFT 1 5", "HARD 2 1", "HARD 2 2"), compounds(StintPlacement.place(laps, stints, drafts(laps), A, warnings)));
        assertEquals(List.of(), warnings);
    }

    @Test
    void moreExitsThanTyreChangesPutTheChangeAtTheExitClosestToTheNewStintsReport() {
        List<Lap> laps = laps(5, 2, 4);
        List<TyreStint> stints = List.of(new TyreStint("SOFT", true, 0, 0, -1), new TyreStint("HARD", true, 0, 0, 395_000));
        assertEquals(List.of("SOFT 1 1", "SOFT 1 2", "SOFT 1 3", "HARD 2 1", "HARD 2 2"),
                compounds(StintPlacement.place(laps, stints, drafts(laps), A, warnings)), "the drive-through on lap 2 changed nothing");
    }

    @Test
    void fewerExitsThanStintsIsAWarningNamingTheStintsLeftOut() {
        List<Lap> laps = laps(3);
        List<TyreStint> stints = List.of(new TyreStint("SOFT", true, 0, 0, -1), new TyreStint("HARD", true, 0, 0, -1));
        assertEquals(List.of("SOFT 1 1", "SOFT 1 2", "SOFT 1 3"), compounds(StintPlacement.place(laps, stints, drafts(laps), A, warnings)));
        assertEquals(List.of("TimingAppData.jsonStream: AAA has 2 tyre stints but 0 pit exits after lap 1 in TimingData.jsonStream; "
                + "stints 2 to 2 are not placed on any lap"), warnings);
    }
}
