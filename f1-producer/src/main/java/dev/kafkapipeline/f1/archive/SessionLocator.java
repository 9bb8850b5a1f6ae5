package dev.kafkapipeline.f1.archive;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Turns a {@link SessionQuery} into an archive path through that season's Index.json. */
public final class SessionLocator {
    private final ArchiveClient archive;

    public SessionLocator(ArchiveClient archive) {
        this.archive = archive;
    }

    /** The session's archive path, without a trailing slash. */
    public String locate(SessionQuery query) {
        if (query.isPath()) {
            return query.path();
        }
        String indexPath = query.year() + "/Index.json";
        JsonNode index;
        try (InputStream in = archive.open(indexPath)) {
            index = Json.MAPPER.readTree(in);
        } catch (JacksonException e) {
            // Before the IOException below, which it is too: asking again for a file that does not parse will not help.
            throw new ArchiveException(ArchiveException.Reason.MALFORMED, indexPath + " is not valid JSON: "
                    + e.getOriginalMessage() + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new ArchiveException(ArchiveException.Reason.UNAVAILABLE, "cannot read " + indexPath + ": " + e.getMessage(), e);
        }
        return locate(query, index, indexPath);
    }

    /** Pure part of {@link #locate(SessionQuery)}: picks the session out of a season index. */
    static String locate(SessionQuery query, JsonNode index, String indexPath) {
        String wanted = query.event().toLowerCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode meeting : index.path("Meetings")) {
            int rank = rank(meeting, wanted);
            if (rank > 0) {
                candidates.add(new Candidate(rank, meeting));
            }
        }
        if (candidates.isEmpty()) {
            throw new ArchiveException(ArchiveException.Reason.UNKNOWN_SESSION, "no event matching \"" + query.event()
                    + "\" in " + indexPath + "; events: " + eventNames(index));
        }
        int best = candidates.stream().mapToInt(Candidate::rank).max().orElseThrow();
        List<JsonNode> meetings = candidates.stream().filter(c -> c.rank() == best).map(Candidate::meeting).toList();
        if (meetings.size() > 1) {
            throw new ArchiveException(ArchiveException.Reason.UNKNOWN_SESSION, "\"" + query.event() + "\" matches several events in "
                    + indexPath + ": " + meetings.stream().map(m -> m.path("Name").asText()).toList() + "; use a more precise name");
        }
        JsonNode meeting = meetings.get(0);
        List<String> names = SessionQuery.sessionNames(query.session());
        List<String> available = new ArrayList<>();
        for (JsonNode session : meeting.path("Sessions")) {
            String name = session.path("Name").asText("");
            available.add(name);
            if (names.contains(name.toLowerCase(Locale.ROOT)) && session.hasNonNull("Path")) {
                String path = SessionQuery.ofPath(session.get("Path").asText()).path();
                if (!ArchiveClient.insideTheArchive(path)) {
                    throw new ArchiveException(ArchiveException.Reason.REFUSED, indexPath + ": the path of "
                            + meeting.path("Name").asText() + " " + name + ", \"" + session.get("Path").asText()
                            + "\", leaves the archive root; refused");
                }
                return path;
            }
        }
        throw new ArchiveException(ArchiveException.Reason.UNKNOWN_SESSION, "no session \"" + query.session() + "\" at "
                + meeting.path("Name").asText() + " in " + indexPath + "; sessions: " + available);
    }

    /** 3 exact name, location or country; 2 name contains the words; 1 official name contains them; 0 no match. */
    private static int rank(JsonNode meeting, String wanted) {
        String name = lower(meeting.path("Name"));
        String location = lower(meeting.path("Location"));
        String country = lower(meeting.path("Country").path("Name"));
        if (wanted.equals(name) || wanted.equals(location) || wanted.equals(country) && name.contains(wanted)) {
            return 3;
        }
        if (name.contains(wanted) || location.contains(wanted)) {
            return 2;
        }
        if (lower(meeting.path("OfficialName")).contains(wanted) || country.equals(wanted)) {
            return 1;
        }
        return 0;
    }

    private static String lower(JsonNode node) {
        return node.asText("").toLowerCase(Locale.ROOT);
    }

    private static List<String> eventNames(JsonNode index) {
        List<String> names = new ArrayList<>();
        index.path("Meetings").forEach(m -> names.add(m.path("Name").asText() + " (" + m.path("Location").asText() + ")"));
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private record Candidate(int rank, JsonNode meeting) {}
}
