package dev.kafkapipeline.f1.laps;

/**
 * One set of tyres as TimingAppData reports it. {@code startLaps} is the age of
 * the set when fitted (laps run in earlier sessions or stints), {@code appearedAt}
 * the stream time at which the stint was first reported, or -1 when unknown.
 */
public record TyreStint(String compound, Boolean fresh, int startLaps, int totalLaps, long appearedAt) {}
