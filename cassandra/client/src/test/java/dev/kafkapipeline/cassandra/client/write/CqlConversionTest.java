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
        return CqlConversion.convert(value, type, "col", "value.field");
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
    void conversionErrorsAreRejectedRecords() {
        assertThrows(RejectedRecordException.class, () -> convert("x", DataTypes.BIGINT));
    }
}
