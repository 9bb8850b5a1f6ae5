package dev.kafkapipeline.watch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The laps the page has drawn, sampled as often as the driver answers, each count with when it was first seen. */
final class PageLaps {
    private final WatchPageBrowserTest.PageReader page;
    private final Map<Long, Long> firstSeen = new HashMap<>();
    private final Set<Long> counts = new HashSet<>();
    private long latest;

    PageLaps(WatchPageBrowserTest.PageReader page) {
        this.page = page;
    }

    void sample() {
        long drawn = page.lapsDrawn();
        long now = System.nanoTime();
        counts.add(drawn);
        for (long n = latest + 1; n <= drawn; n++) {
            firstSeen.putIfAbsent(n, now);
        }
        latest = Math.max(latest, drawn);
    }

    long latest() {
        return latest;
    }

    /** How many different counts the page showed: many means the laps came in as they landed. */
    int distinctCounts() {
        return counts.size();
    }

    Map<Long, Long> firstSeen() {
        return Map.copyOf(firstSeen);
    }
}
