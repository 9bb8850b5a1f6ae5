package dev.kafkapipeline.testsupport;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Faker-shaped records that the sink tests send, and the fakerdata rows they count. */
public final class FakerRecords {
    private FakerRecords() {}

    /** A person as the faker producer publishes it, with a chosen name and a year of 1950 + i % 60. */
    public static Map<String, Object> person(String name, int i) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("building_number", Integer.toString(100 + i));
        p.put("street_name", "Main Street");
        p.put("city", "Springfield");
        p.put("country", "Freedonia");
        p.put("postcode", "12345");
        p.put("year", 1950 + i % 60);
        p.put("job", "Engineer");
        p.put("company", "Acme");
        p.put("company_email", "info@acme.example");
        p.put("ssn", "123-45-6789");
        p.put("passport_number", "X1234567");
        p.put("credit_card_provider", "VISA");
        p.put("credit_card_number", "4111111111111111");
        p.put("credit_card_expire", "12/29");
        p.put("credit_card_security_code", "123");
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
