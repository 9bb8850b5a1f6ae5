package dev.kafkapipeline.watch.race;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.vis.cassandra.LapTable;
import dev.kafkapipeline.vis.data.LapRow;
import dev.kafkapipeline.watch.CassandraLink;
import java.util.List;
import java.util.Set;

/**
 * Reads lapsummary for the page with data-vis's reader: the sessions it holds,
 * and one session's laps (a session is one partition, so one query).
 */
public final class LapFeed {
    private final CassandraLink cassandra;

    public LapFeed(CassandraLink cassandra) {
        this.cassandra = cassandra;
    }

    /**
     * The race view of the session asked for, or of the latest one when none is
     * asked for or the one asked for is not in the table.
     *
     * @throws IllegalStateException when Cassandra cannot be reached; the message says why
     */
    public RaceView read(String requested) {
        CqlSession session = cassandra.session();
        LapTable table = new LapTable(session, cassandra.settings());
        List<String> keys = table.sessionKeys();
        if (keys.isEmpty()) {
            return RaceView.empty();
        }
        String key = requested != null && keys.contains(requested) ? requested : keys.get(0);
        List<LapRow> laps = table.laps(key, Set.of());
        List<RaceView.SessionChoice> choices = keys.stream()
                .map(k -> new RaceView.SessionChoice(k, RaceView.title(k, k.equals(key) ? laps : List.of()))).toList();
        return RaceView.of(choices, key, laps);
    }
}
