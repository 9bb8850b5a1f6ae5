package dev.kafkapipeline.faker.person;

import java.util.LinkedHashMap;
import java.util.Map;

/** A fake person with the original pipeline's 16 fields; {@link #fields()} names them as the fakerdata columns. */
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

    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("building_number", buildingNumber);
        fields.put("street_name", streetName);
        fields.put("city", city);
        fields.put("country", country);
        fields.put("postcode", postcode);
        fields.put("year", year);
        fields.put("job", job);
        fields.put("company", company);
        fields.put("company_email", companyEmail);
        fields.put("ssn", ssn);
        fields.put("passport_number", passportNumber);
        fields.put("credit_card_provider", creditCardProvider);
        fields.put("credit_card_number", creditCardNumber);
        fields.put("credit_card_expire", creditCardExpire);
        fields.put("credit_card_security_code", creditCardSecurityCode);
        return fields;
    }
}
