package dev.kafkapipeline.f1.laps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionStatusesTest {
    /** 2021 Monza FP2's SessionStatus. */
    @Test
    void startFinishAndTheRestartAfterARedFlag() {
        SessionStatuses statuses = new SessionStatuses();
        statuses.add(5_768, "Inactive");
        statuses.add(900_082, "Started");
        statuses.add(2_510_095, "Aborted");
        statuses.add(3_158_976, "Inactive");
        statuses.add(3_240_120, "Started");
        statuses.add(4_500_192, "Finished");
        statuses.add(4_710_330, "Finalised");
        assertEquals(900_082L, statuses.startedAt());
        assertEquals(4_500_192L, statuses.finishedAt());
        assertEquals(List.of(3_240_120L), statuses.restarts());
    }

    @Test
    void aQualifyingFinishesAfterEachPart() {
        SessionStatuses statuses = new SessionStatuses();
        statuses.add(100, "Started");
        statuses.add(200, "Finished");
        statuses.add(300, "Started");
        statuses.add(400, "Finished");
        assertEquals(200L, statuses.finishedAt());
        assertEquals(400L, statuses.lastFinishedAt());
        assertEquals(List.of(), statuses.restarts(), "no red flag");
        assertNull(new SessionStatuses().startedAt());
    }
}
