package dev.kafkapipeline.vis.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.rows.FakerColumn;
import dev.kafkapipeline.vis.data.FakerRow;
import java.util.ArrayList;
import java.util.List;

/** Reads fakerdata, at most {@code limit} people (the table only grows while the producer runs). */
public final class FakerTable {
    private final CqlSession session;
    private final String table;

    public FakerTable(CqlSession session, CassandraSettings settings) {
        this.session = session;
        this.table = settings.keyspace() + "." + settings.fakerTable();
    }

    public List<FakerRow> people(int limit) {
        List<FakerRow> people = new ArrayList<>();
        for (Row row : session.execute("SELECT " + DefinedColumns.selectList(FakerColumn.class) + " FROM " + table
                + " LIMIT " + Math.max(1, limit))) {
            people.add(FakerRow.of(DefinedColumns.values(row, FakerColumn.class)));
        }
        return people;
    }
}
