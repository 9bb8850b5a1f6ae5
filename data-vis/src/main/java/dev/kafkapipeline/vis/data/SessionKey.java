package dev.kafkapipeline.vis.data;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A lapsummary session key: the archive path of the session, e.g.
 * {@code 2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race}. Charts take
 * their event name and year from it.
 */
public record SessionKey(String value, int year, String eventName, String sessionName, Optional<LocalDate> date) {

    public static SessionKey parse(String value) {
        String[] parts = value.split("/");
        if (parts.length < 3) {
            throw new IllegalArgumentException("session key '" + value + "' is not <year>/<date>_<event>/<date>_<session>");
        }
        int year;
        try {
            year = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("session key '" + value + "' does not start with a year", e);
        }
        return new SessionKey(value, year, afterDate(parts[1]), afterDate(parts[2]), leadingDate(parts[2]));
    }

    /** "2018 Azerbaijan Grand Prix" (the session is left out: charts add it where it matters). */
    public String title() {
        return year + " " + eventName;
    }

    private static String afterDate(String segment) {
        String name = leadingDate(segment).isPresent() ? segment.substring(11) : segment;
        return name.replace('_', ' ').trim();
    }

    private static Optional<LocalDate> leadingDate(String segment) {
        if (segment.length() < 11 || segment.charAt(10) != '_') {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(segment.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
