package dev.kafkapipeline.common.rows;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The track_status column: the live-timing feed's track-status codes in force
 * during a lap, in the order they came, comma-separated ({@code "1,4"}). The
 * codes: 1 clear, 2 yellow, 4 safety car, 5 red flag, 6 virtual safety car
 * deployed, 7 virtual safety car ending. f1-producer writes this text and
 * data-vis parses it back with {@link #parse}, code by code, never by substring.
 */
public record TrackStatus(List<String> codes) {
    public static final String SAFETY_CAR = "4";
    public static final String VIRTUAL_SAFETY_CAR = "6";
    public static final String VIRTUAL_SAFETY_CAR_ENDING = "7";
    private static final String SEPARATOR = ",";
    private static final Pattern CODE = Pattern.compile("[0-9]+");

    /** @throws IllegalArgumentException when there is no code, or one that is not a whole number */
    public TrackStatus {
        codes = List.copyOf(codes);
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("a track status needs at least one code");
        }
        for (String code : codes) {
            if (!isCode(code)) {
                throw new IllegalArgumentException("track-status code \"" + code + "\" is not a whole number");
            }
        }
    }

    /** Whether the feed's text is a track-status code (digits only). */
    public static boolean isCode(String text) {
        return CODE.matcher(text).matches();
    }

    /**
     * Reads the column's text exactly as {@link #text} writes it.
     *
     * @throws IllegalArgumentException naming the text when it is not a comma list of codes
     */
    public static TrackStatus parse(String text) {
        try {
            return new TrackStatus(List.of(text.split(SEPARATOR, -1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("track status \"" + text + "\" is not a comma list of codes such as \"1,4\": "
                    + e.getMessage(), e);
        }
    }

    public String text() {
        return String.join(SEPARATOR, codes);
    }

    /** A safety car or a virtual safety car was out: laps slow for reasons other than pace. */
    public boolean neutralised() {
        return codes.contains(SAFETY_CAR) || codes.contains(VIRTUAL_SAFETY_CAR) || codes.contains(VIRTUAL_SAFETY_CAR_ENDING);
    }
}
