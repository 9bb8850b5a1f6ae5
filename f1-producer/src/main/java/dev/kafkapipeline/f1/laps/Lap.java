package dev.kafkapipeline.f1.laps;

/**
 * One lap of one driver. Times are milliseconds, null when the archive has
 * none. {@code lapTimeDerived} marks a lap time computed as the sum of its
 * three sectors; {@code incomplete} marks the lap a driver did not finish
 * (retired on track). {@code pitIn}: he entered the pits on this lap;
 * {@code pitOut}: he left the pits on it. {@code trackStatus} lists the
 * track-status codes in force during the lap, in the order seen ("1,4").
 * {@code endTime} is the stream time at which the lap was completed (or the
 * driver stopped), {@code startTime} when it began; null when unknown.
 */
public record Lap(Driver driver, int number, Long lapTime, boolean lapTimeDerived, boolean incomplete,
                  Integer position, String compound, Integer tyreLife, Boolean freshTyre, Integer stint,
                  boolean pitIn, boolean pitOut, String trackStatus,
                  Long sector1, Long sector2, Long sector3, Long startTime, Long endTime) {}
