package dev.kafkapipeline.vis.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
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
        for (Row row : session.execute("SELECT * FROM " + table + " LIMIT " + Math.max(1, limit))) {
            people.add(new FakerRow(
                    row.getString("name"),
                    row.getString("building_number"),
                    row.getString("street_name"),
                    row.getString("city"),
                    row.getString("country"),
                    row.getString("postcode"),
                    row.get("year", Integer.class),
                    row.getString("job"),
                    row.getString("company"),
                    row.getString("company_email"),
                    row.getString("ssn"),
                    row.getString("passport_number"),
                    row.getString("credit_card_provider"),
                    row.getString("credit_card_number"),
                    row.getString("credit_card_expire"),
                    row.getString("credit_card_security_code")));
        }
        return people;
    }
}
