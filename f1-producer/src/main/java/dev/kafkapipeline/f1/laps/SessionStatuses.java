package dev.kafkapipeline.f1.laps;

import java.util.ArrayList;
import java.util.List;

/**
 * The session's status changes from SessionStatus, in stream order: "Started",
 * "Aborted" (a red flag), "Finished", ... Empty when the archive has none.
 */
public final class SessionStatuses {
    private final List<Long> times = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();

    public void add(long time, String status) {
        times.add(time);
        statuses.add(status);
    }

    /** When the session first started (in a race, the start), or null. */
    public Long startedAt() {
        return first("Started");
    }

    /** When the session first finished (the chequered flag), or null. */
    public Long finishedAt() {
        return first("Finished");
    }

    /** When the session last finished: a qualifying finishes after each of its parts; null when it never did. */
    public Long lastFinishedAt() {
        int i = statuses.lastIndexOf("Finished");
        return i < 0 ? null : times.get(i);
    }

    /** When the session started again after each red flag. */
    public List<Long> restarts() {
        List<Long> restarts = new ArrayList<>();
        boolean aborted = false;
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).equals("Aborted")) {
                aborted = true;
            } else if (aborted && statuses.get(i).equals("Started")) {
                aborted = false;
                restarts.add(times.get(i));
            }
        }
        return restarts;
    }

    private Long first(String status) {
        int i = statuses.indexOf(status);
        return i < 0 ? null : times.get(i);
    }
}
