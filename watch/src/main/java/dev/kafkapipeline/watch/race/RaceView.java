package dev.kafkapipeline.watch.race;

import dev.kafkapipeline.vis.chart.CompoundColours;
import dev.kafkapipeline.vis.data.LapRow;
import dev.kafkapipeline.vis.data.SessionKey;
import dev.kafkapipeline.vis.race.LapRange;
import dev.kafkapipeline.vis.race.SafetyCarPeriods;
import dev.kafkapipeline.vis.race.Stint;
import dev.kafkapipeline.vis.race.Stints;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One session of lapsummary as the page draws it: every lap with its time,
 * position and tyre, the safety-car periods, the stints and the colours of the
 * compounds that occur (FastF1's, through data-vis). Drivers come in the order
 * they run in at their last lap.
 *
 * @param sessions        every session in the table, latest first, for the selector
 * @param lapTimeCeiling  where the lap-time axis stops: 1.2 times the median racing lap, as in the rendered chart
 */
public record RaceView(
        List<SessionChoice> sessions,
        String session,
        String title,
        int laps,
        List<DriverView> drivers,
        List<LapPoint> lapPoints,
        List<LapRange> safetyCar,
        List<Stint> stints,
        Map<String, String> compoundColours,
        Double lapTimeCeiling) {

    static final double CEILING_FACTOR = 1.2;

    public record SessionChoice(String key, String title) {}

    public record DriverView(String code, String name, String team, Integer position) {}

    /** @param seconds null for a lap without a time (a crash, an unfinished lap 1) */
    public record LapPoint(String driver, int lap, Double seconds, Integer position, String compound, boolean pit, boolean safetyCar) {}

    /** What the page shows while lapsummary holds no session. */
    public static RaceView empty() {
        return new RaceView(List.of(), null, null, 0, List.of(), List.of(), List.of(), List.of(), Map.of(), null);
    }

    public static RaceView of(List<SessionChoice> sessions, String session, List<LapRow> laps) {
        List<LapRow> ordered = laps.stream().sorted(Comparator.comparing(LapRow::lapNumber).thenComparing(LapRow::driver)).toList();
        List<Stint> stints = Stints.of(ordered);
        Map<String, String> colours = new TreeMap<>();
        colours.put(Stints.UNKNOWN, hex(CompoundColours.of(Stints.UNKNOWN)));
        stints.forEach(s -> colours.put(s.compound(), hex(CompoundColours.of(s.compound()))));
        List<LapPoint> points = new ArrayList<>();
        for (LapRow lap : ordered) {
            String compound = lap.tyreCompound() == null ? null : lap.tyreCompound().trim().toUpperCase(Locale.ROOT);
            if (compound != null) {
                colours.putIfAbsent(compound, hex(CompoundColours.of(compound)));
            }
            points.add(new LapPoint(lap.driver(), lap.lapNumber(), lap.lapSeconds().orElse(null), lap.position(), compound,
                    lap.pitInOrOut(), lap.underSafetyCar()));
        }
        return new RaceView(sessions, session, title(session, laps), ordered.stream().mapToInt(LapRow::lapNumber).max().orElse(0),
                drivers(ordered), points, SafetyCarPeriods.of(ordered), stints, colours, ceiling(ordered));
    }

    public static String title(String session, List<LapRow> laps) {
        try {
            SessionKey key = SessionKey.parse(session);
            return key.title() + " " + key.sessionName();
        } catch (IllegalArgumentException notAnArchivePath) {
            return laps.isEmpty() || laps.get(0).sessionName() == null ? session : session + " " + laps.get(0).sessionName();
        }
    }

    private static List<DriverView> drivers(List<LapRow> ordered) {
        Map<String, LapRow> lastLap = new LinkedHashMap<>();
        ordered.forEach(lap -> lastLap.put(lap.driver(), lap));
        return lastLap.values().stream()
                .sorted(Comparator.comparing((LapRow l) -> -l.lapNumber())
                        .thenComparing(l -> l.position() == null ? Integer.MAX_VALUE : l.position()))
                .map(l -> new DriverView(l.driver(), l.driverName(), l.team(), l.position()))
                .toList();
    }

    /** Racing laps (timed, green, not in or out of the pits) decide the scale; laps behind the safety car would squash it. */
    static Double ceiling(List<LapRow> laps) {
        double[] racing = laps.stream().filter(l -> !l.underSafetyCar() && !l.pitInOrOut())
                .flatMap(l -> l.lapSeconds().stream()).mapToDouble(Double::doubleValue).sorted().toArray();
        return racing.length == 0 ? null : racing[racing.length / 2] * CEILING_FACTOR;
    }

    private static String hex(Color colour) {
        return String.format(Locale.ROOT, "#%06x", colour.getRGB() & 0xffffff);
    }
}
