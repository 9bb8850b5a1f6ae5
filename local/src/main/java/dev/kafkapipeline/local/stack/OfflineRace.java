package dev.kafkapipeline.local.stack;

import java.util.Map;
import java.util.Optional;

/**
 * {@code ./pipeline up --offline} (or PIPELINE_OFFLINE=true): the pipeline
 * without the internet. The F1 producer replays the 2018 Baku race from the
 * archive sample kept in the repository, Verstappen and Leclerc, one lap every
 * half second: its 91 laps take about 46 s, so the charts can be drawn from rows
 * that went the whole way about a minute after {@code up} returns. The weather
 * producer is told it is offline and says it has nothing to report.
 */
final class OfflineRace {
    static final String ARCHIVE = "f1-producer/archive-sample";
    static final String SESSION = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";
    static final String OFFLINE = "PIPELINE_OFFLINE";

    private OfflineRace() {}

    /** What a service gets offline unless the user exported another value (F1_DRIVERS=all, SLEEP_TIME=0). */
    static Map<String, String> defaults(String service) {
        return service.equals("fastf1") ? Map.of("F1_DRIVERS", "VER,LEC", "SLEEP_TIME", "0.5") : Map.of();
    }

    /** What a service gets offline whatever was exported: an archive URL of the internet would defeat the point. */
    static Map<String, String> forced(String service, StackSettings settings) {
        if (!service.equals("fastf1")) {
            return Map.of(OFFLINE, "true");
        }
        return Map.of(OFFLINE, "true",
                "F1_ARCHIVE_URL", settings.module(ARCHIVE).toString(),
                "F1_ARCHIVE_MIRRORS", "",
                "F1_SESSION", SESSION);
    }

    /** What {@code up} says offline, with the drivers and pace the F1 producer will use (the user's, where exported). */
    static String announcement(StackSettings settings) {
        Map<String, String> defaults = defaults("fastf1");
        String drivers = Optional.ofNullable(settings.env().raw("F1_DRIVERS")).orElse(defaults.get("F1_DRIVERS"));
        String speed = settings.env().raw("F1_REPLAY_SPEED");
        String pace = speed != null ? "at " + speed + " times the pace it was driven"
                : "one lap every " + Optional.ofNullable(settings.env().raw("SLEEP_TIME")).orElse(defaults.get("SLEEP_TIME")) + " s";
        return "no internet needed: fastf1 replays the 2018 Azerbaijan Grand Prix race (" + drivers + ") from " + ARCHIVE
                + ", " + pace + ", through Kafka to both sinks; the weather producer has nothing to report offline";
    }
}
