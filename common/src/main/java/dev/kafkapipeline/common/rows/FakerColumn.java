package dev.kafkapipeline.common.rows;

/**
 * The one definition of a faker row: the original pipeline's 16 fields, which
 * are the columns of fakerdata, in the faker record's order. The faker producer
 * writes its people from it, the schema file (cassandra/schema-faker.cql) and the
 * faker sink's mapping are checked against it, and data-vis reads rows by it.
 */
public enum FakerColumn implements Column {
    NAME("name", CqlType.TEXT),
    BUILDING_NUMBER("building_number", CqlType.TEXT),
    STREET_NAME("street_name", CqlType.TEXT),
    CITY("city", CqlType.TEXT),
    COUNTRY("country", CqlType.TEXT),
    POSTCODE("postcode", CqlType.TEXT),
    YEAR("year", CqlType.INT),
    JOB("job", CqlType.TEXT),
    COMPANY("company", CqlType.TEXT),
    COMPANY_EMAIL("company_email", CqlType.TEXT),
    SSN("ssn", CqlType.TEXT),
    PASSPORT_NUMBER("passport_number", CqlType.TEXT),
    CREDIT_CARD_PROVIDER("credit_card_provider", CqlType.TEXT),
    CREDIT_CARD_NUMBER("credit_card_number", CqlType.TEXT),
    CREDIT_CARD_EXPIRE("credit_card_expire", CqlType.TEXT),
    CREDIT_CARD_SECURITY_CODE("credit_card_security_code", CqlType.TEXT);

    private final String column;
    private final CqlType type;

    FakerColumn(String column, CqlType type) {
        this.column = column;
        this.type = type;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public CqlType type() {
        return type;
    }
}
