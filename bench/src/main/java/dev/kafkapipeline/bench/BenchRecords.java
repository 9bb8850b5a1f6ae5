package dev.kafkapipeline.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Faker-shaped people (the 16 fakerdata fields, about 350 bytes of JSON), deterministic per index. */
final class BenchRecords {
    private static final String[] CITIES = {"Springfield", "Shelbyville", "Ogdenville", "Brockway", "Capital"};
    private static final String[] JOBS = {"Engineer", "Nurse", "Architect", "Accountant", "Teacher"};

    private BenchRecords() {}

    static Map<String, Object> person(String name, int i) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("building_number", Integer.toString(1 + i % 9999));
        p.put("street_name", "Oak Street");
        p.put("city", CITIES[i % CITIES.length]);
        p.put("country", "Chile");
        p.put("postcode", String.format("%05d", i % 100000));
        p.put("year", 1940 + i % 80);
        p.put("job", JOBS[i % JOBS.length]);
        p.put("company", "Acme Inc");
        p.put("company_email", "a" + i % 1000 + "@acme.example");
        p.put("ssn", String.format("%03d-%02d-%04d", i % 1000, i % 100, i % 10000));
        p.put("passport_number", String.format("K%07d", i % 10_000_000));
        p.put("credit_card_provider", "VISA");
        p.put("credit_card_number", String.format("4%015d", (long) i * 7919));
        p.put("credit_card_expire", String.format("%02d/%02d", 1 + i % 12, 26 + i % 8));
        p.put("credit_card_security_code", String.format("%03d", i % 1000));
        return p;
    }
}
