package dev.kafkapipeline.cassandra.client.write;

/**
 * How big a record and its values may be. Checked before any work whose cost
 * grows with the value (parsing, expanding a number's exponent, encoding), so a
 * hostile record costs a bounded amount of time and memory and is rejected with
 * a reason that names the limit.
 *
 * @param maxRecordBytes    a record's JSON value, in bytes
 * @param maxTextBytes      one text value, in UTF-8 bytes (also bounds the text a number becomes)
 * @param maxNumberDigits   significant digits of one number
 * @param maxNumberExponent largest decimal exponent of one number, either sign (1e400 and 1e-400 have 400)
 */
public record RecordLimits(int maxRecordBytes, int maxTextBytes, int maxNumberDigits, int maxNumberExponent) {
    /**
     * A record of 1 MiB is what a broker takes by default; 64 KiB of text is far more than any field of
     * the pipeline's records; 100 digits and exponents up to 400 hold every double, bigint and timestamp
     * with room to spare, and keep a number's plain text under 600 characters.
     */
    public static final RecordLimits DEFAULTS = new RecordLimits(1024 * 1024, 64 * 1024, 100, 400);

    public RecordLimits {
        if (maxRecordBytes < 1 || maxTextBytes < 1 || maxNumberDigits < 1 || maxNumberExponent < 1) {
            throw new IllegalArgumentException("record limits must be at least 1, not " + maxRecordBytes + ", " + maxTextBytes
                    + ", " + maxNumberDigits + ", " + maxNumberExponent);
        }
    }
}
