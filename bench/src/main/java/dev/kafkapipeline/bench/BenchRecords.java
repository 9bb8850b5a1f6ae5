package dev.kafkapipeline.bench;

import dev.kafkapipeline.common.rows.FakerColumn;
import java.util.LinkedHashMap;
import java.util.Map;

/** Faker-shaped people (every {@link FakerColumn}, about 350 bytes of JSON), deterministic per index. */
final class BenchRecords {
    private static final String[] CITIES = {"Springfield", "Shelbyville", "Ogdenville", "Brockway", "Capital"};
    private static final String[] JOBS = {"Engineer", "Nurse", "Architect", "Accountant", "Teacher"};

    private BenchRecords() {}

    static Map<String, Object> person(String name, int i) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (FakerColumn column : FakerColumn.values()) {
            p.put(column.column(), value(column, name, i));
        }
        return p;
    }

    private static Object value(FakerColumn column, String name, int i) {
        return switch (column) {
            case NAME -> name;
            case BUILDING_NUMBER -> Integer.toString(1 + i % 9999);
            case STREET_NAME -> "Oak Street";
            case CITY -> CITIES[i % CITIES.length];
            case COUNTRY -> "Chile";
            case POSTCODE -> String.format("%05d", i % 100000);
            case YEAR -> 1940 + i % 80;
            case JOB -> JOBS[i % JOBS.length];
            case COMPANY -> "Acme Inc";
            case COMPANY_EMAIL -> "a" + i % 1000 + "@acme.example";
            case SSN -> String.format("%03d-%02d-%04d", i % 1000, i % 100, i % 10000);
            case PASSPORT_NUMBER -> String.format("K%07d", i % 10_000_000);
            case CREDIT_CARD_PROVIDER -> "VISA";
            case CREDIT_CARD_NUMBER -> String.format("4%015d", (long) i * 7919);
            case CREDIT_CARD_EXPIRE -> String.format("%02d/%02d", 1 + i % 12, 26 + i % 8);
            case CREDIT_CARD_SECURITY_CODE -> String.format("%03d", i % 1000);
        };
    }
}
