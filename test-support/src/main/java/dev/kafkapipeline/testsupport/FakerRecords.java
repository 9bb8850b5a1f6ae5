package dev.kafkapipeline.testsupport;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.common.rows.CqlType;
import dev.kafkapipeline.common.rows.FakerColumn;
import java.util.LinkedHashMap;
import java.util.Map;

/** Faker-shaped records that the sink tests send, and the fakerdata rows they count. */
public final class FakerRecords {
    private FakerRecords() {}

    /**
     * A person shaped as the faker producer publishes it, a value in every
     * {@link FakerColumn}: the chosen name, a year of 1950 + i % 60, and texts
     * such as "city 7" in the others.
     */
    public static Map<String, Object> person(String name, int i) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (FakerColumn column : FakerColumn.values()) {
            Object value = column.type() == CqlType.INT ? 1950 + i % 60 : column.column().replace('_', ' ') + " " + i;
            p.put(column.column(), column == FakerColumn.NAME ? name : value);
        }
        return p;
    }

    /** Rows of kafkapipeline.fakerdata whose name starts with the prefix (a paged scan: the table is small in tests). */
    public static long rowsNamed(CqlSession session, String prefix) {
        long n = 0;
        for (Row row : session.execute(SimpleStatement.newInstance("SELECT name FROM kafkapipeline.fakerdata").setPageSize(5000))) {
            if (row.getString(0).startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }
}
