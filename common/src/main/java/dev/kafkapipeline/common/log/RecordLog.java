package dev.kafkapipeline.common.log;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The per-record log of a producer or consumer. Like the original pipeline it
 * prints every record, but only the first {@code perSecond} of each second:
 * above that rate the rest are counted and summarised in one line every
 * {@code summaryEvery}, so a service running flat out does not drown its own log.
 */
public final class RecordLog {
    private static final long SECOND = 1_000_000_000L;

    private final Consumer<String> out;
    private final String what;
    private final int perSecond;
    private final long summaryEveryNanos;
    private final LongSupplier nanoClock;

    private long windowStart;
    private int inWindow;
    private long summaryStart;
    private long sinceSummary;
    private long unprinted;
    private long total;

    public RecordLog(Consumer<String> out, String what, int perSecond, long summaryEveryNanos, LongSupplier nanoClock) {
        this.out = out;
        this.what = what;
        this.perSecond = perSecond;
        this.summaryEveryNanos = summaryEveryNanos;
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
        this.summaryStart = windowStart;
    }

    /** One more record (sent, or failed); {@code value} is only rendered when its line is printed. */
    public synchronized void record(String key, Supplier<String> value) {
        long now = nanoClock.getAsLong();
        total++;
        sinceSummary++;
        if (now - windowStart >= SECOND) {
            windowStart = now;
            inWindow = 0;
        }
        if (++inWindow <= perSecond) {
            out.accept(what + " key=" + key + " " + value.get());
        } else {
            unprinted++;
        }
        if (unprinted > 0 && now - summaryStart >= summaryEveryNanos) {
            summarise(now);
        }
    }

    /** Prints what is still unprinted; called when the service stops. */
    public synchronized void finish() {
        if (unprinted > 0) {
            summarise(nanoClock.getAsLong());
        }
    }

    public synchronized long total() {
        return total;
    }

    private void summarise(long now) {
        double seconds = Math.max(now - summaryStart, 1) / (double) SECOND;
        out.accept(String.format(Locale.ROOT,
                "%s: %,d records in the last %.1f s (%,.0f records/s), %,d of them not printed; %,d in all",
                what, sinceSummary, seconds, sinceSummary / seconds, unprinted, total));
        unprinted = 0;
        sinceSummary = 0;
        summaryStart = now;
    }
}
