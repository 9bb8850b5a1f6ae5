package dev.kafkapipeline.f1.laps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.rows.TrackStatus;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveException;
import dev.kafkapipeline.f1.stream.Fields;
import dev.kafkapipeline.f1.stream.StreamFormatException;
import dev.kafkapipeline.f1.stream.TimingStream;
import dev.kafkapipeline.f1.stream.Warnings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the topics of one session from the archive (each file once, streamed)
 * and builds its laps. TimingData, DriverList and SessionInfo are required;
 * without TimingAppData, TrackStatus or SessionStatus (missing or empty) the
 * laps lack tyres, track status or the race start, and a warning says so. A
 * TimingData that ends before the session finished is read with a warning
 * that says which laps may be missing.
 */
public final class SessionLoader {
    private static final Pattern GMT_OFFSET = Pattern.compile("([+-])?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private final ArchiveClient archive;

    public SessionLoader(ArchiveClient archive) {
        this.archive = archive;
    }

    public SessionLaps load(String path) {
        Warnings warnings = new Warnings();
        Session session = session(path, read(path, "SessionInfo", true, warnings, TimingStream::merged), warnings);

        SessionStatuses statuses = new SessionStatuses();
        read(path, "SessionStatus", false, warnings, (in, file, w) -> TimingStream.read(in, file, w,
                (t, u, line) -> statuses.add(t, orEmpty(new Fields(file, line, w).text(u, "Status")))));
        Long startedAt = statuses.startedAt();

        List<Driver> drivers = drivers(path + "/DriverList.jsonStream", read(path, "DriverList", true, warnings, TimingStream::merged),
                warnings);

        TrackStatusTimeline track = new TrackStatusTimeline();
        read(path, "TrackStatus", false, warnings, (in, file, w) -> TimingStream.read(in, file, w, (t, u, line) -> {
            Fields fields = new Fields(file, line, w);
            String status = fields.text(u, "Status");
            if (status != null && !TrackStatus.isCode(status)) {
                throw fields.error("Status should be a track-status code (a whole number), got \"" + status + "\"");
            }
            track.add(t, status == null ? "1" : status);
        }));

        TyreHistory tyres = new TyreHistory();
        Integer tyreLines = read(path, "TimingAppData", false, warnings,
                (in, file, w) -> TimingStream.read(in, file, w, (t, u, line) -> tyres.update(t, u, new Fields(file, line, w))));

        Map<String, DriverTiming> timings = new LinkedHashMap<>();
        boolean race = session.isRace();
        long[] lastTime = new long[1];
        int[] lastLine = new int[1];
        read(path, "TimingData", true, warnings, (in, file, w) -> TimingStream.read(in, file, w, (t, update, line) -> {
            lastTime[0] = Math.max(lastTime[0], t);
            lastLine[0] = line;
            Fields fields = new Fields(file, line, w);
            JsonNode lines = fields.object(update, "Lines");
            if (lines == null) {
                return;
            }
            boolean timesCount = !race || startedAt == null || t >= startedAt;
            Iterator<Map.Entry<String, JsonNode>> entries = lines.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                JsonNode driverLine = fields.object(lines, entry.getKey());
                if (driverLine != null) {
                    timings.computeIfAbsent(entry.getKey(), n -> new DriverTiming(n, line)).update(t, driverLine, timesCount, fields);
                }
            }
        }));

        LapBuilder.Context context = new LapBuilder.Context(session, drivers, tyreLines == null ? null : tyres.stints(),
                track, statuses);
        List<String> buildWarnings = new ArrayList<>();
        List<Lap> laps = LapBuilder.build(context, timings, buildWarnings);
        buildWarnings.forEach(warnings::add);
        Long finished = statuses.lastFinishedAt();
        if (finished != null && lastTime[0] < finished) {
            warnings.add(endsEarly(path, lastTime[0], lastLine[0], finished, drivers, laps));
        }
        return new SessionLaps(session, drivers, laps, warnings.list());
    }

    private static String endsEarly(String path, long lastTime, int lastLine, long finished, List<Driver> drivers, List<Lap> laps) {
        StringBuilder lastLaps = new StringBuilder();
        for (Driver driver : drivers) {
            int last = 0;
            for (Lap lap : laps) {
                if (lap.driver().equals(driver)) {
                    last = Math.max(last, lap.number());
                }
            }
            lastLaps.append(lastLaps.length() == 0 ? "" : ", ").append(driver.code()).append(' ').append(last);
        }
        return path + "/TimingData.jsonStream ends at " + TimingStream.clock(lastTime) + " (line " + lastLine
                + "), before the session finished at " + TimingStream.clock(finished) + " (SessionStatus.jsonStream): "
                + "the file may have been cut short, and laps after " + TimingStream.clock(lastTime)
                + " are missing; the last lap read of each driver: " + lastLaps;
    }

    /** A reader of one topic file; gets the stream, the file name for messages and where to put warnings. */
    @FunctionalInterface
    private interface TopicReader<T> {
        T read(InputStream in, String file, Warnings warnings);
    }

    private <T> T read(String path, String topic, boolean required, Warnings warnings, TopicReader<T> reader) {
        String file = path + "/" + topic + ".jsonStream";
        InputStream in;
        try {
            in = archive.open(file);
        } catch (ArchiveException e) {
            if (required || !e.isMissingFile()) {
                throw e;
            }
            warnings.add(file + ": not in the archive (" + e.getMessage() + "); " + consequence(topic));
            return null;
        }
        try (in) {
            return reader.read(in, file, warnings);
        } catch (StreamFormatException e) {
            if (required || e.line() != 0) {
                throw e;
            }
            warnings.add(e.getMessage() + "; read as if it were missing: " + consequence(topic));
            return null;
        } catch (IOException | UncheckedIOException e) {
            throw new ArchiveException(ArchiveException.Reason.UNAVAILABLE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String consequence(String topic) {
        return switch (topic) {
            case "TimingAppData" -> "laps have no tyre compound, tyre life or stint";
            case "TrackStatus" -> "laps have no track status";
            default -> "race laps start without the session's start time";
        };
    }

    static Session session(String path, TimingStream.Merged merged, Warnings warnings) {
        String file = path + "/SessionInfo.jsonStream";
        JsonNode info = merged.state();
        Fields fields = new Fields(file, merged.lineOf("Meeting"), warnings);
        JsonNode meeting = fields.object(info, "Meeting");
        String meetingName = meeting == null ? "" : orEmpty(fields.text(meeting, "Name"));
        JsonNode circuit = meeting == null ? null : fields.object(meeting, "Circuit");
        String track = circuit == null ? null : fields.text(circuit, "ShortName");
        if (track == null && meeting != null) {
            track = fields.text(meeting, "Location");
        }
        String sessionName = orEmpty(new Fields(file, merged.lineOf("Name"), warnings).text(info, "Name"));
        String type = orEmpty(new Fields(file, merged.lineOf("Type"), warnings).text(info, "Type"));
        Instant start = start(file, merged, warnings);
        return new Session(path, (meetingName + " " + sessionName).trim(), meetingName, orEmpty(track), start, type);
    }

    /** StartDate is the local time at the track, GmtOffset its offset from UTC; an unreadable one leaves the date empty. */
    private static Instant start(String file, TimingStream.Merged merged, Warnings warnings) {
        int dateLine = merged.lineOf("StartDate");
        String date = new Fields(file, dateLine, warnings).text(merged.state(), "StartDate");
        if (date == null || date.isBlank()) {
            return null;
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(date.trim());
        } catch (DateTimeException e) {
            warnings.add(file + " line " + dateLine + ": StartDate \"" + date
                    + "\" is not a date and time like 2018-04-29T16:10:00; the laps' date is left empty");
            return null;
        }
        int offsetLine = merged.lineOf("GmtOffset");
        String offset = new Fields(file, offsetLine, warnings).text(merged.state(), "GmtOffset");
        Duration utcOffset = offset == null || offset.isBlank() ? Duration.ZERO : offset(offset.trim());
        if (utcOffset == null) {
            warnings.add(file + " line " + offsetLine + ": GmtOffset \"" + offset
                    + "\" is not an offset like 04:00:00 or -03:00:00; the laps' date is left empty");
            return null;
        }
        return local.toInstant(ZoneOffset.UTC).minus(utcOffset);
    }

    /** "02:00:00", "-03:00:00", "+05:30" as a duration; null when the text is none of these. */
    private static Duration offset(String gmtOffset) {
        Matcher m = GMT_OFFSET.matcher(gmtOffset);
        if (!m.matches() || Integer.parseInt(m.group(2)) > 18 || Integer.parseInt(m.group(3)) > 59) {
            return null;
        }
        Duration d = Duration.ofHours(Long.parseLong(m.group(2))).plusMinutes(Long.parseLong(m.group(3)));
        return "-".equals(m.group(1)) ? d.negated() : d;
    }

    private static List<Driver> drivers(String file, TimingStream.Merged list, Warnings warnings) {
        List<Driver> drivers = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = list.state().fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode d = entry.getValue();
            if (!d.isObject()) {
                continue;
            }
            Fields fields = new Fields(file, list.lineOf(entry.getKey()), warnings);
            String code = orEmpty(fields.text(d, "Tla"));
            if (code.isEmpty()) {
                warnings.add(file + ": racing number " + entry.getKey() + " has no three-letter code (Tla); his laps are left out");
                continue;
            }
            drivers.add(new Driver(entry.getKey(), code, orEmpty(fields.text(d, "FullName")), orEmpty(fields.text(d, "TeamName"))));
        }
        return drivers;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
