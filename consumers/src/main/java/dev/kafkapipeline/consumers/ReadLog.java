package dev.kafkapipeline.consumers;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the consumers read, record by record as the original consumers
 * printed it, until a topic goes faster than a few records a second: then the
 * rest of each second is counted and summed up in one line, so the log stays
 * readable at benchmark rates.
 */
final class ReadLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.kafkapipeline.consumers.read");

    private final int perSecond;
    private final Map<String, Window> windows = new HashMap<>();

    ReadLog(int perSecond) {
        this.perSecond = perSecond;
    }

    void read(String topic, Object key, Map<String, Object> value, long nowMillis) {
        Window window = windows.computeIfAbsent(topic, t -> new Window(nowMillis));
        if (nowMillis - window.start >= 1000) {
            flush(topic, window, nowMillis);
            window.start = nowMillis;
        }
        window.count++;
        if (window.count <= perSecond) {
            LOG.info("{} [{}]: {}", topic, key, value);
        }
    }

    /** Summary lines for the records that were counted, not shown. */
    void flushAll(long nowMillis) {
        windows.forEach((topic, window) -> flush(topic, window, nowMillis));
        windows.clear();
    }

    private void flush(String topic, Window window, long nowMillis) {
        if (window.count > perSecond) {
            long seconds = Math.max(1, (nowMillis - window.start) / 1000);
            LOG.info("{}: {} records read in {} s ({} shown)", topic, window.count, seconds, perSecond);
        }
        window.count = 0;
    }

    private static final class Window {
        long start;
        long count;

        Window(long start) {
            this.start = start;
        }
    }
}
