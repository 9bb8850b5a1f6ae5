package dev.kafkapipeline.watch.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.rows.LapColumn;
import dev.kafkapipeline.vis.data.LapRow;
import dev.kafkapipeline.vis.race.LapRange;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaceViewTest {
    private static final String BAKU = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";

    /** A lap row as the reader builds it; the time as the table's text ("01:45.000") and, for the chart, in milliseconds. */
    private static LapRow lap(String driver, int lap, String time, Integer position, String compound, boolean pit, String trackStatus) {
        Map<LapColumn, Object> values = new EnumMap<>(LapColumn.class);
        values.put(LapColumn.SESSION_KEY, BAKU);
        values.put(LapColumn.SESSION_NAME, "Race");
        values.put(LapColumn.TRACK, "Baku");
        values.put(LapColumn.DRIVER, driver);
        values.put(LapColumn.DRIVER_NAME, driver + " Name");
        values.put(LapColumn.TEAM, "Team");
        values.put(LapColumn.LAP_NUMBER, lap);
        values.put(LapColumn.TYRE_COMPOUND, compound);
        values.put(LapColumn.STINT, 1);
        values.put(LapColumn.PIT_IN, pit);
        values.put(LapColumn.PIT_OUT, false);
        values.put(LapColumn.TRACK_STATUS, trackStatus);
        if (position != null) {
            values.put(LapColumn.POSITION, position);
        }
        if (time != null) {
            String[] minutesSeconds = time.split(":");
            values.put(LapColumn.LAP_TIME, time);
            values.put(LapColumn.LAP_TIME_MS, (int) Math.round((Integer.parseInt(minutesSeconds[0]) * 60 + Double.parseDouble(minutesSeconds[1])) * 1000));
        }
        return LapRow.of(values);
    }

    @Test
    void theViewOrdersDriversByTheirLastPositionAndMarksPitAndSafetyCarLaps() {
        List<LapRow> laps = List.of(
                lap("VER", 1, "02:10.000", 2, "supersoft", false, "4"),
                lap("LEC", 1, "02:11.000", 1, "ULTRASOFT", false, "4"),
                lap("VER", 2, "01:45.000", 1, "SUPERSOFT", false, "1"),
                lap("LEC", 2, "01:50.000", 2, "ULTRASOFT", true, "1"),
                lap("LEC", 3, null, null, "SOFT", false, "1"));
        RaceView view = RaceView.of(List.of(new RaceView.SessionChoice(BAKU, "2018 Azerbaijan Grand Prix Race")), BAKU, laps);

        assertEquals("2018 Azerbaijan Grand Prix Race", view.title());
        assertEquals(3, view.laps());
        assertEquals(List.of("LEC", "VER"), view.drivers().stream().map(RaceView.DriverView::code).toList(),
                "LEC reached lap 3, VER only lap 2");
        assertEquals(List.of(new LapRange(1, 1)), view.safetyCar());
        RaceView.LapPoint pit = view.lapPoints().stream().filter(p -> p.driver().equals("LEC") && p.lap() == 2).findFirst().orElseThrow();
        assertTrue(pit.pit());
        assertEquals("SUPERSOFT", view.lapPoints().get(1).compound(), "compounds upper-cased as FastF1 names them");
        assertNull(view.lapPoints().stream().filter(p -> p.lap() == 3).findFirst().orElseThrow().seconds());
        assertEquals("#da291c", view.compoundColours().get("SOFT"), "FastF1's soft red, through data-vis");
        assertEquals("#ff7a00", view.compoundColours().get("SUPERSOFT"));
        assertEquals("#00ffff", view.compoundColours().get("UNKNOWN"));
    }

    @Test
    void theLapTimeScaleStopsAtOnePointTwoTimesTheMedianRacingLap() {
        List<LapRow> laps = List.of(
                lap("VER", 1, "03:00.000", 1, "SOFT", false, "4"),
                lap("VER", 2, "01:40.000", 1, "SOFT", false, "1"),
                lap("VER", 3, "01:50.000", 1, "SOFT", true, "1"),
                lap("VER", 4, "01:42.000", 1, "SOFT", false, "1"),
                lap("VER", 5, "01:41.000", 1, "SOFT", false, "1"));
        assertEquals(101.0 * 1.2, RaceView.ceiling(laps), 1e-9, "laps 2, 4 and 5 race: median 101 s");
        assertNull(RaceView.ceiling(List.of(lap("VER", 1, "03:00.000", 1, "SOFT", false, "4"))));
    }

    @Test
    void aKeyThatIsNoArchivePathIsItsOwnTitle() {
        assertEquals("test-session Race", RaceView.title("test-session", List.of(lap("VER", 1, "01:40.000", 1, "SOFT", false, "1"))));
    }
}
