package dev.kafkapipeline.faker.person;

import dev.kafkapipeline.common.rows.FakerColumn;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fake person with the original pipeline's 16 fields; {@link #fields()} names them as the fakerdata columns ({@link FakerColumn}). */
public record Person(
        String name,
        String buildingNumber,
        String streetName,
        String city,
        String country,
        String postcode,
        int year,
        String job,
        String company,
        String companyEmail,
        String ssn,
        String passportNumber,
        String creditCardProvider,
        String creditCardNumber,
        String creditCardExpire,
        String creditCardSecurityCode) {

    public Person withName(String newName) {
        return new Person(newName, buildingNumber, streetName, city, country, postcode, year, job, company,
                companyEmail, ssn, passportNumber, creditCardProvider, creditCardNumber, creditCardExpire,
                creditCardSecurityCode);
    }

    /** The record the producer sends: every column of the definition, in its order. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FakerColumn column : FakerColumn.values()) {
            fields.put(column.column(), value(column));
        }
        return fields;
    }

    /** Where each column's value comes from; a column added to the definition does not compile until it is said here. */
    private Object value(FakerColumn column) {
        return switch (column) {
            case NAME -> name;
            case BUILDING_NUMBER -> buildingNumber;
            case STREET_NAME -> streetName;
            case CITY -> city;
            case COUNTRY -> country;
            case POSTCODE -> postcode;
            case YEAR -> year;
            case JOB -> job;
            case COMPANY -> company;
            case COMPANY_EMAIL -> companyEmail;
            case SSN -> ssn;
            case PASSPORT_NUMBER -> passportNumber;
            case CREDIT_CARD_PROVIDER -> creditCardProvider;
            case CREDIT_CARD_NUMBER -> creditCardNumber;
            case CREDIT_CARD_EXPIRE -> creditCardExpire;
            case CREDIT_CARD_SECURITY_CODE -> creditCardSecurityCode;
        };
    }
}
