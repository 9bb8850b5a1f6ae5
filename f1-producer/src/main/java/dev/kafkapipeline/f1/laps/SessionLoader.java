package dev.kafkapipeline.f1.laps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveException;
import dev.kafkapipeline.f1.stream.TimingStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the topics of one session from the archive (each file once, streamed)
 * and builds its laps. TimingData, DriverList and SessionInfo are required;
 * without TimingAppData, TrackStatus or SessionStatus the laps lack tyres,
 * track status or the race start, and a warning says so.
 */
public final class SessionLoader {
    private final ArchiveClient archive;

    public SessionLoader(ArchiveClient archive) {
        this.archive = archive;
    }

    public SessionLaps load(String path) {
        List<String> warnings = new ArrayList<>();
        Session session = session(path, read(path, "SessionInfo", true, warnings, TimingStream::mergedState));

        SessionStatuses statuses = new SessionStatuses();
        read(path, "SessionStatus", false, warnings, (in, file) -> TimingStream.read(in, file,
                (t, u, line) -> statuses.add(t, u.path("Status").asText(""))));
        Long startedAt = statuses.startedAt();

        List<Driver> drivers = drivers(read(path, "DriverList", true, warnings, TimingStream::mergedState), warnings);

        TrackStatusTimeline track = new TrackStatusTimeline();
        read(path, "TrackStatus", false, warnings, (in, file) -> TimingStream.read(in, file,
                (t, u, line) -> track.add(t, u.path("Status").asText("1"))));

        TyreHistory tyres = new TyreHistory();
        Integer tyreLines = read(path, "TimingAppData", false, warnings,
                (in, file) -> TimingStream.read(in, file, (t, u, line) -> tyres.update(t, u)));

        Map<String, DriverTiming> timings = new LinkedHashMap<>();
        boolean race = session.isRace();
        read(path, "TimingData", true, warnings, (in, file) -> TimingStream.read(in, file, (t, update, line) -> {
            JsonNode lines = update.get("Lines");
            if (lines == null || !lines.isObject()) {
                return;
            }
            boolean timesCount = !race || startedAt == null || t >= startedAt;
            Iterator<Map.Entry<String, JsonNode>> entries = lines.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (entry.getValue().isObject()) {
                    timings.computeIfAbsent(entry.getKey(), n -> new DriverTiming(n, line)).update(t, entry.getValue(), timesCount);
                }
            }
        }));

        LapBuilder.Context context = new LapBuilder.Context(session, drivers, tyreLines == null ? null : tyres.stints(),
                track, statuses);
        List<Lap> laps = LapBuilder.build(context, timings, warnings);
        return new SessionLaps(session, drivers, laps, warnings);
    }

    /** A reader of one topic file; gets the stream and the file name for messages. */
    @FunctionalInterface
    private interface TopicReader<T> {
        T read(InputStream in, String file);
    }

    private <T> T read(String path, String topic, boolean required, List<String> warnings, TopicReader<T> reader) {
        String file = path + "/" + topic + ".jsonStream";
        InputStream in;
        try {
            in = archive.open(file);
        } catch (ArchiveException e) {
            if (required || e.reason() == ArchiveException.Reason.UNAVAILABLE) {
                throw e;
            }
            warnings.add(file + ": not in the archive (" + e.getMessage() + "); " + consequence(topic));
            return null;
        }
        try (in) {
            return reader.read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String consequence(String topic) {
        return switch (topic) {
            case "TimingAppData" -> "laps have no tyre compound, tyre life or stint";
            case "TrackStatus" -> "laps have no track status";
            default -> "race laps start without the session's start time";
        };
    }

    static Session session(String path, ObjectNode info) {
        JsonNode meeting = info.path("Meeting");
        Instant start = null;
        String date = info.path("StartDate").asText("");
        if (!date.isEmpty()) {
            LocalDateTime local = LocalDateTime.parse(date);
            start = local.toInstant(ZoneOffset.UTC).minus(offset(info.path("GmtOffset").asText("")));
        }
        String track = meeting.path("Circuit").path("ShortName").asText(meeting.path("Location").asText(""));
        String name = (meeting.path("Name").asText("") + " " + info.path("Name").asText("")).trim();
        return new Session(path, name, meeting.path("Name").asText(""), track, start, info.path("Type").asText(""));
    }

    private static Duration offset(String gmtOffset) {
        if (gmtOffset.isEmpty()) {
            return Duration.ZERO;
        }
        boolean negative = gmtOffset.startsWith("-");
        String[] parts = gmtOffset.replace("-", "").replace("+", "").split(":");
        Duration d = Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(parts.length > 1 ? Long.parseLong(parts[1]) : 0);
        return negative ? d.negated() : d;
    }

    private static List<Driver> drivers(ObjectNode list, List<String> warnings) {
        List<Driver> drivers = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = list.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode d = entry.getValue();
            if (!d.isObject()) {
                continue;
            }
            String code = d.path("Tla").asText("");
            if (code.isEmpty()) {
                warnings.add("DriverList.jsonStream: racing number " + entry.getKey() + " has no three-letter code (Tla); his laps are left out");
                continue;
            }
            drivers.add(new Driver(entry.getKey(), code, d.path("FullName").asText(""), d.path("TeamName").asText("")));
        }
        return drivers;
    }
}
