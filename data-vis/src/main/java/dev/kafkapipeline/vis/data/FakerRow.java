package dev.kafkapipeline.vis.data;

import static dev.kafkapipeline.common.rows.FakerColumn.*;

import dev.kafkapipeline.common.rows.FakerColumn;
import java.util.Map;

/** One row of fakerdata: a component per {@link FakerColumn}, in its order and named after it. */
public record FakerRow(
        String name, String buildingNumber, String streetName, String city, String country, String postcode, Integer year,
        String job, String company, String companyEmail, String ssn, String passportNumber,
        String creditCardProvider, String creditCardNumber, String creditCardExpire, String creditCardSecurityCode) {

    /** The row of these column values, each of its column type's Java type (absent where the column is unset). */
    public static FakerRow of(Map<FakerColumn, ?> values) {
        ColumnValues v = new ColumnValues(values);
        return new FakerRow(v.get(NAME), v.get(BUILDING_NUMBER), v.get(STREET_NAME), v.get(CITY), v.get(COUNTRY), v.get(POSTCODE),
                v.get(YEAR), v.get(JOB), v.get(COMPANY), v.get(COMPANY_EMAIL), v.get(SSN), v.get(PASSPORT_NUMBER),
                v.get(CREDIT_CARD_PROVIDER), v.get(CREDIT_CARD_NUMBER), v.get(CREDIT_CARD_EXPIRE), v.get(CREDIT_CARD_SECURITY_CODE));
    }
}
