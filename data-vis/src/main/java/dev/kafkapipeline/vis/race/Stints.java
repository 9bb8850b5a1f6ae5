package dev.kafkapipeline.vis.race;

import dev.kafkapipeline.vis.data.LapRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups laps into stints. The stint number decides, never a compound change
 * inside it: the archive can report no or another compound on the first lap,
 * which must not split the first stint in two. Laps without a stint number
 * continue the previous stint unless the driver came out of the pits.
 */
public final class Stints {
    public static final String UNKNOWN = "UNKNOWN";

    private Stints() {}

    /** Stints per driver, drivers in the order they first appear in {@code laps}, stints in lap order. */
    public static List<Stint> of(List<LapRow> laps) {
        Map<String, List<LapRow>> byDriver = new LinkedHashMap<>();
        for (LapRow lap : laps) {
            byDriver.computeIfAbsent(lap.driver(), d -> new ArrayList<>()).add(lap);
        }
        List<Stint> stints = new ArrayList<>();
        byDriver.forEach((driver, driverLaps) -> stints.addAll(ofDriver(driver, driverLaps)));
        return stints;
    }

    private static List<Stint> ofDriver(String driver, List<LapRow> laps) {
        List<LapRow> ordered = laps.stream().sorted(Comparator.comparingInt(LapRow::lapNumber)).toList();
        List<Stint> stints = new ArrayList<>();
        List<LapRow> current = new ArrayList<>();
        int currentNumber = 0;
        LapRow previous = null;
        for (LapRow lap : ordered) {
            int number = stintNumber(lap, previous, currentNumber);
            if (!current.isEmpty() && number != currentNumber) {
                stints.add(stint(driver, currentNumber, current));
                current = new ArrayList<>();
            }
            currentNumber = number;
            current.add(lap);
            previous = lap;
        }
        if (!current.isEmpty()) {
            stints.add(stint(driver, currentNumber, current));
        }
        return stints;
    }

    private static int stintNumber(LapRow lap, LapRow previous, int previousNumber) {
        if (lap.stint() != null) {
            return lap.stint();
        }
        if (previous == null) {
            return 1;
        }
        boolean changedTyres = Boolean.TRUE.equals(previous.pitIn()) || Boolean.TRUE.equals(lap.pitOut());
        return changedTyres ? previousNumber + 1 : previousNumber;
    }

    private static Stint stint(String driver, int number, List<LapRow> laps) {
        return new Stint(
                driver,
                number,
                compound(laps),
                laps.stream().map(LapRow::freshTyre).filter(f -> f != null).findFirst().orElse(true),
                laps.get(0).lapNumber(),
                laps.get(laps.size() - 1).lapNumber());
    }

    /** The compound most laps of the stint report; ties go to the one reported first. */
    private static String compound(List<LapRow> laps) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LapRow lap : laps) {
            String compound = lap.tyreCompound();
            if (compound != null && !compound.isBlank() && !compound.equalsIgnoreCase(UNKNOWN)) {
                counts.merge(compound.trim().toUpperCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        String best = UNKNOWN;
        int bestCount = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }
}
