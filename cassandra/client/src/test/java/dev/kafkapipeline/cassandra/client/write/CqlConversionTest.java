package dev.kafkapipeline.cassandra.client.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CqlConversionTest {
    private static Object convert(Object value, DataType type) {
        return new CqlConversion(RecordLimits.DEFAULTS).convert(value, type, "col", "value.field");
    }

    @Test
    void numbersFitTheirColumnTypes() {
        assertEquals(2019, convert(2019, DataTypes.INT));
        assertEquals(2019, convert("2019", DataTypes.INT));
        assertEquals(3, convert(new BigDecimal("3.00"), DataTypes.INT));
        assertEquals(1_700_000_000L, convert(1_700_000_000, DataTypes.BIGINT));
        assertEquals(9_000_000_000L, convert(new BigInteger("9000000000"), DataTypes.BIGINT));
        assertEquals(287.5, convert(new BigDecimal("287.5"), DataTypes.DOUBLE));
        assertEquals(101.0, convert(101, DataTypes.DOUBLE));
        assertEquals(1.5f, convert("1.5", DataTypes.FLOAT));
    }

    @Test
    void textAndBooleans() {
        assertEquals("Baku", convert("Baku", DataTypes.TEXT));
        assertEquals("1.50", convert(new BigDecimal("1.50"), DataTypes.TEXT));
        assertEquals("42", convert(42, DataTypes.TEXT));
        assertEquals(true, convert(true, DataTypes.BOOLEAN));
        assertEquals(false, convert("FALSE", DataTypes.BOOLEAN));
    }

    @Test
    void timestampsFromIsoTextOrEpochMillis() {
        Instant expected = Instant.parse("2024-05-01T12:30:00Z");
        assertEquals(expected, convert("2024-05-01T12:30:00Z", DataTypes.TIMESTAMP));
        assertEquals(expected, convert("2024-05-01T14:30:00+02:00", DataTypes.TIMESTAMP));
        assertEquals(expected, convert("2024-05-01T12:30:00", DataTypes.TIMESTAMP));
        assertEquals(expected, convert("2024-05-01 12:30:00", DataTypes.TIMESTAMP));
        assertEquals(expected, convert(1_714_566_600_000L, DataTypes.TIMESTAMP));
        assertEquals(expected, convert("1714566600000", DataTypes.TIMESTAMP));
        assertEquals(expected, convert(Date.from(expected), DataTypes.TIMESTAMP));
        assertEquals(Instant.parse("2018-04-29T00:00:00Z"), convert("2018-04-29", DataTypes.TIMESTAMP));
    }

    @Test
    void valuesThatDoNotFitNameFieldValueAndType() {
        ConversionException notNumber = assertThrows(ConversionException.class, () -> convert("hot", DataTypes.DOUBLE));
        assertEquals("field value.field = \"hot\" does not fit column col (double): not a number", notNumber.getMessage());

        ConversionException fraction = assertThrows(ConversionException.class, () -> convert(new BigDecimal("2.5"), DataTypes.INT));
        assertTrue(fraction.getMessage().contains("(int): not a whole number"), fraction.getMessage());

        assertThrows(ConversionException.class, () -> convert(3_000_000_000L, DataTypes.INT));
        assertThrows(ConversionException.class, () -> convert("yes", DataTypes.BOOLEAN));
        assertThrows(ConversionException.class, () -> convert(1, DataTypes.BOOLEAN));
        assertThrows(ConversionException.class, () -> convert(Map.of("a", 1), DataTypes.TEXT));
        assertThrows(ConversionException.class, () -> convert(List.of(1), DataTypes.INT));
        assertThrows(ConversionException.class, () -> convert(Double.NaN, DataTypes.BIGINT));

        ConversionException badTime = assertThrows(ConversionException.class, () -> convert("yesterday", DataTypes.TIMESTAMP));
        assertTrue(badTime.getMessage().contains("(timestamp): expected ISO-8601"), badTime.getMessage());
    }

    @Test
    void theSamplesOfIssue13AreRejectionsThatNameTheRangeOrLimit() {
        for (Object time : List.of(new BigDecimal("1e300"), "99999999999999999999", "+999999999-12-31T23:59:59Z")) {
            assertReason(time, DataTypes.TIMESTAMP, "(timestamp): out of the timestamp range");
        }
        assertReason(new BigDecimal("1e999999999"), DataTypes.TEXT, "(text): exponent 999999999 is beyond the limit of 400");
        assertReason(Double.POSITIVE_INFINITY, DataTypes.DOUBLE, "(double): not a finite number");
        assertReason(new BigInteger("99999999999999999999"), DataTypes.BIGINT, "(bigint): out of the bigint range");
    }

    @Test
    void valuesAreNeverSilentlyChanged() {
        assertReason(new BigDecimal("1e-400"), DataTypes.DOUBLE, "(double): too small for a double");
        assertReason(new BigDecimal("1e39"), DataTypes.FLOAT, "(float): out of the float range");
        assertReason("a\ud800b", DataTypes.TEXT, "(text): not valid Unicode: unpaired surrogate U+D800 at character 1");
        assertReason("caf\u00e9", DataTypes.ASCII, "(ascii): not ASCII: character 3 is U+00E9");
        assertReason("\u0661\u0662", DataTypes.INT, "(int): not a number");
        assertEquals("0.00012", convert(new BigDecimal("1.2e-4"), DataTypes.TEXT), "numbers go to text in plain notation");
        assertEquals(Instant.parse("2024-05-01T12:30:00.123Z"), convert("2024-05-01T12:30:00.123987Z", DataTypes.TIMESTAMP),
                "a timestamp keeps the milliseconds CQL stores");
        assertEquals(Instant.parse("2016-12-31T23:59:59Z"), convert("2016-12-31T23:59:60Z", DataTypes.TIMESTAMP),
                "a leap second reads as the second before it");
    }

    @Test
    void theLimitsBoundTextAndNumbersBeforeAnyWorkOnThem() {
        CqlConversion small = new CqlConversion(new RecordLimits(1000, 8, 5, 10));
        assertEquals("\u00e9\u00e9\u00e9\u00e9", small.convert("\u00e9\u00e9\u00e9\u00e9", DataTypes.TEXT, "col", "value.field"));
        ConversionException text = assertThrows(ConversionException.class,
                () -> small.convert("\u00e9\u00e9\u00e9\u00e9\u00e9", DataTypes.TEXT, "col", "value.field"));
        assertTrue(text.getMessage().endsWith("(text): text of 5 characters is over the limit of 8 UTF-8 bytes"), text.getMessage());
        ConversionException digits = assertThrows(ConversionException.class,
                () -> small.convert(new BigDecimal("1.23456"), DataTypes.DOUBLE, "col", "value.field"));
        assertTrue(digits.getMessage().endsWith("(double): more than 5 significant digits"), digits.getMessage());
        // As a Connect struct's decimal may come: 2^200,000 has 60,206 digits, too many to count or write out.
        BigDecimal huge = new BigDecimal(BigInteger.ONE.shiftLeft(200_000), 3);
        ConversionException digitsOfHuge = assertThrows(ConversionException.class, () -> small.convert(huge, DataTypes.TEXT, "col", "value.field"));
        assertEquals("field value.field = a number of 200001 bits does not fit column col (text): more than 5 significant digits",
                digitsOfHuge.getMessage());
        ConversionException exponent = assertThrows(ConversionException.class,
                () -> small.convert("1e11", DataTypes.BIGINT, "col", "value.field"));
        assertTrue(exponent.getMessage().endsWith("(bigint): exponent 11 is beyond the limit of 10"), exponent.getMessage());
    }

    private static void assertReason(Object value, DataType type, String reason) {
        ConversionException e = assertThrows(ConversionException.class, () -> convert(value, type));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void conversionErrorsAreRejectedRecords() {
        assertThrows(RejectedRecordException.class, () -> convert("x", DataTypes.BIGINT));
    }
}
