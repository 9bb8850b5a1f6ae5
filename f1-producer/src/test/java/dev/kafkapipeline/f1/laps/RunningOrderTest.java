package dev.kafkapipeline.f1.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunningOrderTest {
    private static final Driver A = new Driver("1", "AAA", "A", "T");
    private static final Driver B = new Driver("2", "BBB", "B", "T");
    private static final Driver C = new Driver("3", "CCC", "C", "T");

    private static Lap lap(Driver driver, int number, Long end) {
        return Lap.builder(driver, number).times(null, end).build();
    }

    private static Map<String, Integer> positions(List<Lap> laps, int number) {
        return laps.stream().filter(l -> l.number() == number && l.position() != null)
                .collect(java.util.stream.Collectors.toMap(l -> l.driver().code(), Lap::position));
    }

    @Test
    void lapsWithTheSameNumberAreRankedByTheirEnds() {
        List<Lap> laps = RunningOrder.ranked(List.of(lap(A, 1, 100_000L), lap(B, 1, 99_000L), lap(A, 2, 200_000L),
                lap(B, 2, 200_500L), lap(C, 1, null)), lap -> null);
        assertEquals(Map.of("AAA", 2, "BBB", 1), positions(laps, 1));
        assertEquals(Map.of("AAA", 1, "BBB", 2), positions(laps, 2));
        assertNull(laps.get(4).position(), "a lap without an end has no position");
    }

    @Test
    void anIncompleteLapHasNoPosition() {
        Lap stopped = Lap.builder(C, 1).incomplete(true).times(null, 90_000L).build();
        List<Lap> laps = RunningOrder.ranked(List.of(lap(A, 1, 100_000L), stopped), lap -> null);
        assertEquals(1, laps.get(0).position());
        assertNull(laps.get(1).position());
    }

    @Test
    void endsLessThan50msApartAreOrderedByTheGapsAtTheLine() {
        Map<String, Long> gaps = Map.of("AAA", 8_883L, "BBB", 8_871L, "CCC", 9_500L);
        List<Lap> laps = RunningOrder.ranked(List.of(lap(A, 7, 100_000L), lap(B, 7, 100_002L), lap(C, 7, 100_040L)),
                lap -> gaps.get(lap.driver().code()));
        assertEquals(Map.of("BBB", 1, "AAA", 2, "CCC", 3), positions(laps, 7));
    }

    @Test
    void endsFurtherApartOrWithoutGapsKeepTheirOrder() {
        Map<String, Long> gaps = Map.of("AAA", 9_000L, "BBB", 1_000L);
        List<Lap> apart = RunningOrder.ranked(List.of(lap(A, 1, 100_000L), lap(B, 1, 100_050L)), lap -> gaps.get(lap.driver().code()));
        assertEquals(Map.of("AAA", 1, "BBB", 2), positions(apart, 1));
        List<Lap> noGap = RunningOrder.ranked(List.of(lap(A, 1, 100_000L), lap(C, 1, 100_010L)), lap -> gaps.get(lap.driver().code()));
        assertEquals(Map.of("AAA", 1, "CCC", 2), positions(noGap, 1));
    }
}
