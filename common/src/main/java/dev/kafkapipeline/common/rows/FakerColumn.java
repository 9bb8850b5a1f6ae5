package dev.kafkapipeline.common.rows;

import static dev.kafkapipeline.common.rows.CqlType.INT;
import static dev.kafkapipeline.common.rows.CqlType.TEXT;

/**
 * The one definition of a faker row: the original pipeline's 16 fields, which
 * are the columns of fakerdata, in the faker record's order. The faker producer
 * writes its people from it, the schema file (cassandra/schema-faker.cql) and the
 * faker sink's mapping are checked against it, and data-vis reads rows by it.
 */
public enum FakerColumn implements Column {
    NAME(TEXT), BUILDING_NUMBER(TEXT), STREET_NAME(TEXT), CITY(TEXT), COUNTRY(TEXT), POSTCODE(TEXT), YEAR(INT),
    JOB(TEXT), COMPANY(TEXT), COMPANY_EMAIL(TEXT), SSN(TEXT), PASSPORT_NUMBER(TEXT),
    CREDIT_CARD_PROVIDER(TEXT), CREDIT_CARD_NUMBER(TEXT), CREDIT_CARD_EXPIRE(TEXT), CREDIT_CARD_SECURITY_CODE(TEXT);

    private final CqlType type;

    FakerColumn(CqlType type) { this.type = type; }

    @Override public CqlType type() { return type; }
}
