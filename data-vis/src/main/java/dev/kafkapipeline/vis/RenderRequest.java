package dev.kafkapipeline.vis;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What `./pipeline render` was asked for: {@code [--session KEY] [--drivers VER,LEC] [--out DIR]}.
 * Without a session the latest one in lapsummary is drawn.
 */
public record RenderRequest(Optional<String> sessionKey, List<String> drivers, Path outputDirectory) {
    public static final List<String> DEFAULT_DRIVERS = List.of("VER", "LEC");
    public static final String USAGE = "usage: render [--session <session_key>] [--drivers VER,LEC] [--out <dir>]";

    public static RenderRequest parse(String... args) {
        Optional<String> session = Optional.empty();
        List<String> drivers = DEFAULT_DRIVERS;
        Path out = Path.of("img");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option '" + option + "' needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--session" -> session = Optional.of(value);
                case "--drivers" -> drivers = drivers(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'; " + USAGE);
            }
        }
        return new RenderRequest(session, drivers, out);
    }

    private static List<String> drivers(String value) {
        List<String> drivers = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(d -> !d.isEmpty())
                .map(d -> d.toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
        if (drivers.size() < 2) {
            throw new IllegalArgumentException("--drivers '" + value + "' must name at least two drivers, e.g. VER,LEC");
        }
        return drivers;
    }
}
