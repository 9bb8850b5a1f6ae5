package dev.kafkapipeline.f1.laps;

import java.util.List;

/**
 * A session's laps, ordered by driver (DriverList order) then lap number, with
 * the warnings raised while building them (each naming a file and, where it
 * applies, a line).
 */
public record SessionLaps(Session session, List<Driver> drivers, List<Lap> laps, List<String> warnings) {
    public SessionLaps {
        drivers = List.copyOf(drivers);
        laps = List.copyOf(laps);
        warnings = List.copyOf(warnings);
    }

    public List<Lap> lapsOf(String code) {
        return laps.stream().filter(l -> l.driver().code().equalsIgnoreCase(code)).toList();
    }
}
