package dev.kafkapipeline.f1;

import dev.kafkapipeline.f1.laps.Driver;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.SessionLaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The drivers asked for (three-letter codes, or {@code all}); a code the session lacks is an error that lists those it has. */
public record DriverSelection(Set<String> codes) {
    public static final DriverSelection ALL = new DriverSelection(null);

    public static DriverSelection parse(List<String> codes) {
        if (codes.size() == 1 && codes.get(0).equalsIgnoreCase("all")) {
            return ALL;
        }
        return new DriverSelection(codes.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    }

    public static DriverSelection parse(String commaList) {
        return parse(List.of(commaList.split(",")));
    }

    /** The selected drivers' laps, in driver then lap order. */
    public List<Lap> laps(SessionLaps session) {
        if (codes == null) {
            return session.laps();
        }
        List<String> known = session.drivers().stream().map(Driver::code).toList();
        List<String> unknown = new ArrayList<>(codes);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no driver " + String.join(", ", unknown) + " in " + session.session().key()
                    + "; drivers: " + String.join(",", known));
        }
        return session.laps().stream().filter(l -> codes.contains(l.driver().code())).toList();
    }
}
