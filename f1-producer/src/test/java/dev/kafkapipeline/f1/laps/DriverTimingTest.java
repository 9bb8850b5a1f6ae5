package dev.kafkapipeline.f1.laps;

import static dev.kafkapipeline.f1.laps.TimingLines.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.kafkapipeline.f1.stream.Fields;
import dev.kafkapipeline.f1.stream.StreamFormatException;
import dev.kafkapipeline.f1.stream.Warnings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One driver's TimingData updates read into lap drafts. */
class DriverTimingTest {
    private final DriverTiming timing = new DriverTiming("1", 1);
    private final Warnings warnings = new Warnings();
    private int line;

    private void feed(TimingLines.Line... lines) {
        for (TimingLines.Line l : lines) {
            timing.update(l.millis(), l.of("1"), true, new Fields("TimingData.jsonStream", ++line, warnings));
        }
    }

    private LapDraft lap(int index) {
        return timing.drafts().get(index);
    }

    /** The car leaves the pits, runs lap 1 (sectors, then the count with the lap time) and is on lap 2. */
    private void lap1() {
        feed(at("00:00:05.000").driver("1").inPit(false),
                at("00:00:35.000").driver("1").sector(0, "30.000"),
                at("00:01:05.000").driver("1").sector(1, "30.000"),
                at("00:01:45.000").driver("1").lapCount(1).sector(2, "40.000").lastLapTime("1:40.000"));
    }

    @Test
    void aLapEndsWhenTheLapCountGrows() {
        lap1();
        List<LapDraft> drafts = timing.drafts();
        assertEquals(2, drafts.size(), "lap 1 and the lap in progress");
        assertEquals(105_000L, lap(0).countedAt);
        assertEquals(100_000L, lap(0).lapTime);
        assertEquals(List.of(30_000L, 30_000L, 40_000L), List.of(lap(0).sectors));
        assertEquals(105_000L, lap(0).sectorAt[2]);
        assertNull(lap(1).countedAt);
    }

    @Test
    void timesLessThanFiveSecondsAfterTheLineBelongToTheLapJustEnded() {
        feed(at("00:00:05.000").driver("1").inPit(false),
                at("00:01:45.000").driver("1").lapCount(1).sector(0, "30.000").sector(1, "30.000"),
                at("00:01:48.000").driver("1").sector(2, "40.000").lastLapTime("1:40.000"),
                at("00:01:49.900").driver("1").speed("I1", "250"));
        assertEquals(40_000L, lap(0).sectors[2]);
        assertEquals(100_000L, lap(0).lapTime);
        assertFalse(lap(1).hasData, "nothing of the new lap yet");
        feed(at("00:01:50.000").driver("1").speed("I1", "251"));
        assertTrue(lap(1).hasData, "five seconds after the line: the new lap's");
    }

    @Test
    void aSectorTimeJustAfterTheLineDoesNotOverwriteTheOneThePreviousLapHas() {
        lap1();
        feed(at("00:01:47.000").driver("1").sector(0, "29.500"));
        assertEquals(30_000L, lap(0).sectors[0]);
        assertEquals(29_500L, lap(1).sectors[0]);
    }

    @Test
    void aLateSectorThatCompletesThePreviousLapTimeBelongsToThatLap() {
        feed(at("00:00:05.000").driver("1").inPit(false),
                at("00:00:35.000").driver("1").sector(0, "30.000"),
                at("00:01:05.000").driver("1").sector(1, "30.000"),
                at("00:01:45.000").driver("1").lapCount(1).lastLapTime("1:40.000"),
                at("00:01:55.000").driver("1").sector(2, "40.000"),
                at("00:02:20.000").driver("1").sector(2, "39.000"));
        assertEquals(40_000L, lap(0).sectors[2], "30 + 30 + 40 = 1:40, 10 s after the line");
        assertEquals(39_000L, lap(1).sectors[2], "does not complete lap 1: the lap in progress");
    }

    @Test
    void aPitExitSentWithTheLapCountStartsTheNextLap() {
        lap1();
        feed(at("00:02:00.000").driver("1").inPit(true),
                at("00:03:10.000").driver("1").inPit(false).lapCount(2));
        assertEquals(120_000L, lap(1).pitInAt);
        assertNull(lap(1).pitOutAt);
        assertEquals(190_000L, lap(2).pitOutAt);
        assertTrue(lap(2).realPitOut);
    }

    @Test
    void aPitExitLessThanFiveSecondsBeforeTheCountStartsTheNextLapAnEarlierOneTheLapInProgress() {
        lap1();
        feed(at("00:02:00.000").driver("1").inPit(true),
                at("00:02:30.000").driver("1").inPit(false),
                at("00:03:00.000").driver("1").inPit(true),
                at("00:03:26.000").driver("1").inPit(false),
                at("00:03:30.000").driver("1").lapCount(2));
        assertEquals(150_000L, lap(1).pitOutAt, "30 s before the count: lap 2's own exit");
        assertEquals(180_000L, lap(1).pitInAt);
        assertEquals(206_000L, lap(2).pitOutAt, "4 s before the count: lap 3's");
    }

    /** 2021 Monza FP2, VET laps 12 and 13: an exit that starts a lap, then in and out again with the next count. */
    @Test
    void aSecondPitExitNeverTakesTheFirstOnesLap() {
        lap1();
        feed(at("00:02:00.000").driver("1").inPit(true),
                at("00:02:30.000").driver("1").inPit(false),
                at("00:02:30.014").driver("1").lapCount(2),
                at("00:04:00.000").driver("1").inPit(true),
                at("00:04:20.000").driver("1").inPit(false).lapCount(3));
        assertEquals(150_000L, lap(2).pitOutAt);
        assertEquals(240_000L, lap(2).pitInAt);
        assertEquals(260_000L, lap(3).pitOutAt);
    }

    @Test
    void anExitWithoutALaterCountIsTheExitOfTheLapInProgress() {
        lap1();
        feed(at("00:02:00.000").driver("1").inPit(true), at("00:03:00.000").driver("1").inPit(false));
        assertEquals(180_000L, lap(1).pitOutAt);
    }

    @Test
    void nothingCountsAsALapOrAPitEntryBeforeTheCarFirstLeftThePits() {
        feed(at("00:00:01.000").driver("1").inPit(true),
                at("00:00:02.000").driver("1").lapCount(1),
                at("00:00:03.000").driver("1").inPit(false));
        assertEquals(1, timing.drafts().size());
        assertNull(lap(0).pitInAt);
        assertTrue(lap(0).realPitOut, "it was seen in the pits");
    }

    @Test
    void updatesFromALapCountThatWentBackAreIgnoredUntilItComesBack() {
        lap1();
        feed(at("00:02:00.000").driver("1").lapCount(0).sector(0, "10.000"),
                at("00:02:10.000").driver("1").sector(1, "11.000"),
                at("00:02:20.000").driver("1").lapCount(1),
                at("00:02:30.000").driver("1").sector(0, "31.000"));
        assertEquals(31_000L, lap(1).sectors[0]);
        assertNull(lap(1).sectors[1]);
    }

    @Test
    void timesBeforeTheStartOfARaceDoNotCount() {
        timing.update(5_000, at("00:00:05.000").driver("1").inPit(false).of("1"), false, new Fields("T", 1, warnings));
        timing.update(60_000, at("00:01:00.000").driver("1").sector(0, "20.000").gap("+1.000").of("1"), false, new Fields("T", 2, warnings));
        assertNull(lap(0).sectors[0]);
        assertFalse(timing.ranAfterStart());
    }

    @Test
    void aGapToTheLeaderTellsTheCarRanAndIsKeptForTheRunningOrder() {
        feed(at("00:00:05.000").driver("1").inPit(false).gap(""),
                at("00:00:10.000").driver("1").gap("+1.360"),
                at("00:01:45.000").driver("1").gap("LAP 2"));
        assertTrue(timing.ranAfterStart());
        assertEquals(1_360L, timing.gaps().near(10_200, 500));
        assertEquals(0L, timing.gaps().near(105_000, 500));
    }

    @Test
    void stoppedAndRetiredAreRemembered() {
        lap1();
        feed(at("00:02:00.000").driver("1").stopped(true), at("00:02:05.000").driver("1").stopped(true).retired(true));
        assertEquals(120_000L, timing.stoppedAt(), "the first Stopped");
        assertTrue(timing.retired());
        assertFalse(timing.inPitAtEnd());
    }

    @Test
    void aLapCountSentAsTextIsReadWithAWarningAndATimeThatIsNotOneIsAnError() {
        feed(at("00:00:05.000").driver("1").inPit(false),
                at("00:01:45.000").driver("1").driverField("NumberOfLaps", new TextNode("1")));
        assertEquals(105_000L, lap(0).countedAt);
        assertEquals(List.of("TimingData.jsonStream line 2: NumberOfLaps is the text \"1\"; read as the number 1"), warnings.list());
        StreamFormatException e = assertThrows(StreamFormatException.class,
                () -> feed(at("00:03:00.000").driver("1").lastLapTime("1:4o.000")));
        assertEquals("TimingData.jsonStream line 3: LastLapTime.Value \"1:4o.000\" is not a time like 1:23.456", e.getMessage());
    }
}
