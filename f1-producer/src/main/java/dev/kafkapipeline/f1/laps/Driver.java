package dev.kafkapipeline.f1.laps;

/** A driver of the session as DriverList names him: racing number, three-letter code, full name, team. */
public record Driver(String number, String code, String name, String team) {}
