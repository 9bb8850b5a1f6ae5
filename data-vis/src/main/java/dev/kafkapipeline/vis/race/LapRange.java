package dev.kafkapipeline.vis.race;

/** Consecutive laps, both ends included. */
public record LapRange(int firstLap, int lastLap) {}
