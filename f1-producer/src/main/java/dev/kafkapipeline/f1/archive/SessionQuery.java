package dev.kafkapipeline.f1.archive;

import java.util.List;
import java.util.Locale;

/**
 * What the user asked for: an archive path of a session, or year + event +
 * session (for example {@code 2023 Austria Race}).
 */
public record SessionQuery(String path, int year, String event, String session) {
    public static final String DEFAULT = "2023 Austria Race";

    public static SessionQuery ofPath(String path) {
        String p = path.trim();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return new SessionQuery(p, 0, null, null);
    }

    /** One text such as {@code "2023 Austria Race"} or a path with slashes. */
    public static SessionQuery parse(String text) {
        return parse(List.of(text.trim().split("\\s+")));
    }

    /** Command-line words: a single path, or a year, an event (one or more words) and a session. */
    public static SessionQuery parse(List<String> words) {
        if (words.size() == 1 && words.get(0).contains("/")) {
            return ofPath(words.get(0));
        }
        if (words.size() < 3) {
            throw new IllegalArgumentException("a session is a path like 2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race"
                    + " or a year, an event and a session like \"2023 Austria Race\"; got \"" + String.join(" ", words) + "\"");
        }
        int year;
        try {
            year = Integer.parseInt(words.get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the session must start with a year, got \"" + words.get(0) + "\"");
        }
        String event = String.join(" ", words.subList(1, words.size() - 1));
        return new SessionQuery(null, year, event, words.get(words.size() - 1));
    }

    public boolean isPath() {
        return path != null;
    }

    /** The names a session shorthand stands for, lower case (FastF1's identifiers plus the archive's names). */
    public static List<String> sessionNames(String shorthand) {
        String s = shorthand.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        return switch (s) {
            case "r", "race" -> List.of("race");
            case "s", "sprint" -> List.of("sprint");
            case "q", "qualifying" -> List.of("qualifying");
            case "sq", "sprint qualifying", "sprint shootout", "ss" -> List.of("sprint qualifying", "sprint shootout");
            case "fp1", "practice 1" -> List.of("practice 1");
            case "fp2", "practice 2" -> List.of("practice 2");
            case "fp3", "practice 3" -> List.of("practice 3");
            default -> List.of(s);
        };
    }

    @Override
    public String toString() {
        return isPath() ? path : year + " " + event + " " + session;
    }
}
