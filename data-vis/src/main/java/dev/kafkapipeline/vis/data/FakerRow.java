package dev.kafkapipeline.vis.data;

/** One row of fakerdata (cassandra/schema-faker.cql). */
public record FakerRow(
        String name,
        String buildingNumber,
        String streetName,
        String city,
        String country,
        String postcode,
        Integer year,
        String job,
        String company,
        String companyEmail,
        String ssn,
        String passportNumber,
        String creditCardProvider,
        String creditCardNumber,
        String creditCardExpire,
        String creditCardSecurityCode) {}
