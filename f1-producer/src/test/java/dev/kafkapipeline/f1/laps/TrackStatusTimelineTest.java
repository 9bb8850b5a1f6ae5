package dev.kafkapipeline.f1.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TrackStatusTimelineTest {
    @Test
    void theCodesInForceDuringALapInTheOrderTheyCame() {
        TrackStatusTimeline track = new TrackStatusTimeline();
        track.add(210_000, "4");
        track.add(300_000, "1");
        track.add(400_000, "2");
        track.add(405_000, "1");
        assertEquals("1", track.during(100_000L, 200_000L), "clear before the first change");
        assertEquals("1,4", track.during(160_000L, 280_000L));
        assertEquals("4,1", track.during(280_000L, 390_000L));
        assertEquals("1,2", track.during(390_000L, 402_000L));
        assertEquals("1", track.during(null, 500_000L), "no start: the moment of the end");
    }

    @Test
    void withoutDataThereIsNoTrackStatus() {
        assertNull(new TrackStatusTimeline().during(0L, 100_000L));
        TrackStatusTimeline track = new TrackStatusTimeline();
        track.add(0, "1");
        assertNull(track.during(0L, null), "a lap without an end");
    }
}
