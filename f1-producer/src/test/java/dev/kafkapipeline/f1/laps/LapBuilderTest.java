package dev.kafkapipeline.f1.laps;

import static dev.kafkapipeline.f1.laps.TimingLines.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.f1.stream.Fields;
import dev.kafkapipeline.f1.stream.Warnings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Laps out of the drivers' timing, on small hand-written sessions. */
class LapBuilderTest {
    private static final Driver AAA = new Driver("1", "AAA", "Ann AAA", "Red");
    private static final Driver BBB = new Driver("2", "BBB", "Bob BBB", "Blue");
    private static final Session RACE = new Session("2099/x/race", "Test Grand Prix Race", "Test Grand Prix", "Loop", null, "Race");
    private static final Session PRACTICE = new Session("2099/x/fp2", "Test Grand Prix Practice 2", "Test Grand Prix", "Loop", null,
            "Practice");

    private final Map<String, DriverTiming> timings = new LinkedHashMap<>();
    private final SessionStatuses statuses = new SessionStatuses();
    private final TrackStatusTimeline track = new TrackStatusTimeline();
    private final Map<String, List<TyreStint>> stints = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int line;

    LapBuilderTest() {
        statuses.add(TimeText.millis("1:00.000"), "Started");
        statuses.add(TimeText.millis("30:00.000"), "Finished");
        track.add(TimeText.millis("3:30.000"), "4");
        track.add(TimeText.millis("5:00.000"), "1");
    }

    /** Feeds TimingData lines; in a race, what comes before the start (01:00) carries no times, as SessionLoader does. */
    private void feed(Session session, TimingLines.Line... lines) {
        for (TimingLines.Line l : lines) {
            line++;
            boolean timesCount = !session.isRace() || l.millis() >= statuses.startedAt();
            l.update().path("Lines").fieldNames().forEachRemaining(number -> timings
                    .computeIfAbsent(number, n -> new DriverTiming(n, line))
                    .update(l.millis(), l.of(number), timesCount, new Fields("TimingData.jsonStream", line, new Warnings())));
        }
    }

    private List<Lap> build(Session session) {
        return LapBuilder.build(new LapBuilder.Context(session, List.of(AAA, BBB), stints, track, statuses), timings, warnings);
    }

    private List<Lap> lapsOf(List<Lap> laps, Driver driver) {
        return laps.stream().filter(l -> l.driver().equals(driver)).toList();
    }

    /** AAA runs three laps; lap 2 has no lap time, lap 3's time arrives 2 s late; he pits at the end of lap 2. */
    private void normalRace() {
        feed(RACE, at("00:00:05.000").driver("1").inPit(false).driver("2").inPit(false),
                at("00:01:30.000").driver("1").sector(0, "30.000"),
                at("00:02:00.000").driver("1").sector(1, "30.000"),
                at("00:02:40.000").driver("1").lapCount(1).sector(2, "40.000").lastLapTime("1:40.000"),
                at("00:03:20.000").driver("1").sector(0, "40.000"),
                at("00:04:00.000").driver("1").sector(1, "40.000").inPit(true),
                at("00:04:40.000").driver("1").lapCount(2).sector(2, "40.000"),
                at("00:05:00.000").driver("1").inPit(false),
                at("00:05:35.000").driver("1").sector(0, "55.000"),
                at("00:06:05.000").driver("1").sector(1, "30.000"),
                at("00:06:40.000").driver("1").lapCount(3).sector(2, "35.000"),
                at("00:06:42.000").driver("1").lastLapTime("2:00.000"));
        stints.put("1", List.of(new TyreStint("MEDIUM", true, 0, 2, TimeText.millis("5:10.000")),
                new TyreStint("HARD", false, 3, 3, TimeText.millis("5:10.000"))));
    }

    @Test
    void lapsHaveTheirTimesPitStopsTyresTrackStatusAndPositions() {
        normalRace();
        List<Lap> laps = lapsOf(build(RACE), AAA);
        assertEquals(3, laps.size());
        Lap first = laps.get(0);
        assertEquals(100_000L, first.lapTime());
        assertFalse(first.lapTimeDerived());
        assertEquals("MEDIUM", first.compound(), "lap 1 gets the first stint's tyre although the message came later");
        assertEquals(1, first.tyreLife());
        assertEquals(1, first.position());
        assertEquals("1", first.trackStatus());
        assertEquals(60_000L, first.startTime(), "a race's lap 1 starts at the start");
        Lap second = laps.get(1);
        assertEquals(120_000L, second.lapTime(), "no lap time but three sectors: their sum");
        assertTrue(second.lapTimeDerived());
        assertTrue(second.pitIn());
        assertEquals("1,4", second.trackStatus());
        Lap third = laps.get(2);
        assertEquals(120_000L, third.lapTime(), "a lap time 2 s after the line still belongs to the lap");
        assertTrue(third.pitOut());
        assertEquals("HARD", third.compound());
        assertEquals(2, third.stint());
        assertEquals(4, third.tyreLife(), "StartLaps 3, first lap on the set");
        assertEquals(Boolean.FALSE, third.freshTyre());
        assertEquals("4,1", third.trackStatus());
        assertEquals(List.of(), lapsOf(build(RACE), BBB), "BBB left the pits but never ran");
    }

    @Test
    void aCarThatStopsOnTrackKeepsItsLastLapIncomplete() {
        feed(RACE, at("00:00:05.000").driver("1").inPit(false),
                at("00:02:40.000").driver("1").lapCount(1).sector(2, "40.000").lastLapTime("1:40.000"),
                at("00:03:20.000").driver("1").sector(0, "40.000"),
                at("00:03:50.000").driver("1").stopped(true));
        List<Lap> laps = build(RACE);
        assertEquals(2, laps.size());
        Lap last = laps.get(1);
        assertTrue(last.incomplete());
        assertNull(last.lapTime());
        assertNull(last.position());
        assertEquals(40_000L, last.sector1());
        assertEquals(230_000L, last.endTime(), "it ends where the car stopped");
    }

    @Test
    void aCarThatRetiresIntoThePitsKeepsTheLapIntoThePitsIncomplete() {
        feed(RACE, at("00:00:05.000").driver("1").inPit(false),
                at("00:02:40.000").driver("1").lapCount(1).sector(2, "40.000").lastLapTime("1:40.000"),
                at("00:03:20.000").driver("1").sector(0, "40.000"),
                at("00:04:00.000").driver("1").inPit(true),
                at("00:04:30.000").driver("1").retired(true).stopped(true));
        List<Lap> laps = build(RACE);
        assertEquals(2, laps.size());
        assertTrue(laps.get(1).incomplete() && laps.get(1).pitIn());
        assertEquals(240_000L, laps.get(1).endTime(), "no line crossed: it ends at the pit entry");
    }

    /** Practice: the count rises at the pit exit, so the last run's in-lap never gets one. */
    @Test
    void theInLapOfTheLastRunIsKeptCompleteWithALapTimeIncompleteWithout() {
        feed(PRACTICE, at("00:01:05.000").driver("1").inPit(false).lapCount(1),
                at("00:02:40.000").driver("1").lapCount(2).sector(2, "30.000").lastLapTime("1:35.000"),
                at("00:04:05.000").driver("1").inPit(true),
                at("00:04:10.000").driver("1").sector(2, "31.000").lastLapTime("1:30.000"),
                at("00:01:10.000").driver("2").inPit(false).lapCount(1),
                at("00:02:00.000").driver("2").sector(0, "28.000"),
                at("00:03:00.000").driver("2").inPit(true));
        List<Lap> laps = build(PRACTICE);
        Lap inLap = lapsOf(laps, AAA).get(1);
        assertEquals(90_000L, inLap.lapTime());
        assertTrue(inLap.pitIn() && !inLap.incomplete());
        assertEquals(250_000L, inLap.endTime(), "at the line: sector 3 arrived at 04:10");
        Lap unfinished = lapsOf(laps, BBB).get(0);
        assertTrue(unfinished.incomplete() && unfinished.pitIn());
        assertNull(unfinished.position(), "practice has no positions");
    }

    @Test
    void aLapTimeLongerThanTheTimingsLapIsDroppedButSlowRealLapsAreKept() {
        feed(RACE, at("00:00:05.000").driver("1").inPit(false),
                at("00:04:00.000").driver("1").lapCount(1).lastLapTime("2:59.000"),
                at("00:05:00.000").driver("1").inPit(true),
                at("00:40:00.000").driver("1").inPit(false).lapCount(2).lastLapTime("36:00.000"),
                at("00:41:50.000").driver("1").lapCount(3).sector(0, "30.000").sector(1, "40.000").sector(2, "40.000")
                        .lastLapTime("21:50.000"));
        List<Lap> laps = build(RACE);
        assertEquals(179_000L, laps.get(0).lapTime(), "a 2:59 lap behind the safety car is real");
        assertEquals(2_160_000L, laps.get(1).lapTime(), "a lap interrupted by a red flag lasted what its time says");
        assertEquals(110_000L, laps.get(2).lapTime(), "an impossible lap time gives way to the sum of the sectors");
        assertTrue(laps.get(2).lapTimeDerived());
    }

    @Test
    void lap1IsAnOutLapOnlyForAPitLaneStart() {
        feed(RACE, at("00:00:02.000").driver("1").inPit(true).driver("2").inPit(true),
                at("00:00:20.000").driver("1").inPit(false),
                at("00:01:20.000").driver("2").inPit(false),
                at("00:02:40.000").driver("1").lapCount(1).lastLapTime("1:40.000"),
                at("00:03:00.000").driver("2").lapCount(1).lastLapTime("1:55.000"));
        List<Lap> laps = build(RACE);
        assertFalse(lapsOf(laps, AAA).get(0).pitOut(), "AAA left the pits for the grid before the start (01:00)");
        assertTrue(lapsOf(laps, BBB).get(0).pitOut(), "BBB started from the pit lane");
    }

    /** 2023 Baku sprint, OCO: into the pits half an hour before the start, out after it. */
    @Test
    void aPitEntryBeforeLap1sOwnExitIsNoLap1Stop() {
        feed(RACE, at("00:00:02.000").driver("1").inPit(true),
                at("00:00:10.000").driver("1").inPit(false),
                at("00:00:30.000").driver("1").inPit(true),
                at("00:01:15.000").driver("1").inPit(false),
                at("00:03:00.000").driver("1").lapCount(1).lastLapTime("1:45.000"),
                at("00:04:20.000").driver("1").inPit(true),
                at("00:04:50.000").driver("1").lapCount(2).lastLapTime("1:50.000"));
        List<Lap> laps = build(RACE);
        assertFalse(laps.get(0).pitIn());
        assertTrue(laps.get(0).pitOut());
        assertTrue(laps.get(1).pitIn(), "an entry after lap 1 counts");
    }

    @Test
    void aCarThatStopsOnLap1AfterTheTimingSawItKeepsAnIncompleteLap1() {
        feed(RACE, at("00:00:05.000").driver("1").inPit(false).driver("2").inPit(false),
                at("00:01:08.000").driver("1").gap("+1.360"),
                at("00:01:40.000").driver("1").stopped(true),
                at("00:01:50.000").driver("2").stopped(true));
        List<Lap> laps = build(RACE);
        assertEquals(1, lapsOf(laps, AAA).size());
        Lap lap1 = lapsOf(laps, AAA).get(0);
        assertTrue(lap1.incomplete());
        assertEquals(60_000L, lap1.startTime());
        assertEquals(100_000L, lap1.endTime());
        assertEquals(List.of(), lapsOf(laps, BBB), "never timed after the start: no lap");
    }

    /** Practice, red flag at 10:00, restart at 20:00: the lap that leaves the pits after it did not run under it. */
    @Test
    void theFirstLapAfterARedFlagBeginsWhenTheCarLeavesThePits() {
        statuses.add(TimeText.millis("10:00.000"), "Aborted");
        statuses.add(TimeText.millis("20:00.000"), "Started");
        track.add(TimeText.millis("10:00.000"), "5");
        track.add(TimeText.millis("19:00.000"), "1");
        feed(PRACTICE, at("00:05:00.000").driver("1").inPit(false).lapCount(1),
                at("00:06:40.000").driver("1").lapCount(2).sector(2, "30.000").lastLapTime("1:40.000"),
                at("00:08:00.000").driver("1").inPit(true),
                at("00:08:05.000").driver("1").sector(2, "32.000").lastLapTime("1:25.000"),
                at("00:21:00.000").driver("1").inPit(false).lapCount(3),
                at("00:22:40.000").driver("1").lapCount(4).sector(2, "30.000").lastLapTime("1:40.000"));
        List<Lap> laps = build(PRACTICE);
        assertEquals(485_000L, laps.get(1).endTime(), "the in-lap ends at the line, before the red flag");
        assertEquals("1", laps.get(1).trackStatus());
        assertEquals(1_260_000L, laps.get(2).startTime());
        assertEquals("1", laps.get(2).trackStatus());
    }

    @Test
    void aRacingNumberMissingFromTheDriverListIsAWarningNamingTheLine() {
        feed(RACE, at("00:00:05.000").driver("1").inPit(false),
                at("00:00:06.000").driver("99").inPit(false),
                at("00:02:40.000").driver("1").lapCount(1).lastLapTime("1:40.000"),
                at("00:02:41.000").driver("99").lapCount(1).lastLapTime("1:41.000"));
        List<Lap> laps = build(RACE);
        assertEquals(1, laps.size());
        assertTrue(warnings.contains("TimingData.jsonStream line 2: racing number 99 is not in DriverList.jsonStream; its 1 lap is left out"),
                warnings.toString());
    }

    @Test
    void aDriverWithoutStintsIsAWarningAndHisLapsHaveNoTyres() {
        normalRace();
        stints.remove("1");
        List<Lap> laps = lapsOf(build(RACE), AAA);
        assertTrue(laps.stream().allMatch(l -> l.compound() == null && l.stint() == null));
        assertEquals(List.of("TimingAppData.jsonStream: no tyre stints for AAA (1); his laps have no tyre data"), warnings);
    }
}
