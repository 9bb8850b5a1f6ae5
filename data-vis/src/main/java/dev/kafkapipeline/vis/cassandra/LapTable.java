package dev.kafkapipeline.vis.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.rows.LapColumn;
import dev.kafkapipeline.vis.data.LapRow;
import dev.kafkapipeline.vis.data.SessionKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads lapsummary: one session is one partition, so a session's laps are one query. */
public final class LapTable {
    private final CqlSession session;
    private final String table;

    public LapTable(CqlSession session, CassandraSettings settings) {
        this.session = session;
        this.table = settings.keyspace() + "." + settings.fastf1Table();
    }

    /** Every session key in the table with the date it ran on, latest first. */
    public List<String> sessionKeys() {
        record Dated(String key, Instant date) {}
        List<Dated> sessions = new ArrayList<>();
        // One row a partition is enough to date a session; DISTINCT alone cannot select a regular column.
        for (Row row : session.execute("SELECT session_key, date FROM " + table + " PER PARTITION LIMIT 1")) {
            String key = row.getString("session_key");
            sessions.add(new Dated(key, sessionDate(key, row.getInstant("date"))));
        }
        return sessions.stream()
                .sorted(Comparator.comparing(Dated::date).reversed().thenComparing(Dated::key, Comparator.reverseOrder()))
                .map(Dated::key)
                .toList();
    }

    /** The session that ran last, empty when the table holds no laps. */
    public Optional<String> latestSessionKey() {
        return sessionKeys().stream().findFirst();
    }

    /** A session's laps for the given drivers (all drivers when the set is empty), by driver then lap. */
    public List<LapRow> laps(String sessionKey, Set<String> drivers) {
        List<LapRow> laps = new ArrayList<>();
        SimpleStatement query = SimpleStatement.newInstance(
                "SELECT " + DefinedColumns.selectList(LapColumn.class) + " FROM " + table + " WHERE session_key = ?", sessionKey);
        for (Row row : session.execute(query)) {
            if (drivers.isEmpty() || drivers.contains(row.getString(LapColumn.DRIVER.column()))) {
                laps.add(LapRow.of(DefinedColumns.values(row, LapColumn.class)));
            }
        }
        return laps;
    }

    private static Instant sessionDate(String key, Instant date) {
        if (date != null) {
            return date;
        }
        try {
            return SessionKey.parse(key).date().map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)).orElse(Instant.EPOCH);
        } catch (IllegalArgumentException notAnArchivePath) {
            return Instant.EPOCH;
        }
    }
}
