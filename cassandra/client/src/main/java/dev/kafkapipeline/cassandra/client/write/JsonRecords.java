package dev.kafkapipeline.cassandra.client.write;

import dev.kafkapipeline.common.json.InvalidJsonException;
import dev.kafkapipeline.common.json.Json;
import java.util.Map;

/**
 * Reads a record's value as both paths receive it, JSON bytes, into the fields
 * the mappings read: within the record size limit, with the project's one JSON
 * reader, so the same bytes give the same fields, or the same rejection, on
 * either path.
 */
final class JsonRecords {
    private final RecordLimits limits;

    JsonRecords(RecordLimits limits) {
        this.limits = limits;
    }

    /** @throws RejectedRecordException when there is no value, it is over the limit, or it is not a JSON object */
    Map<String, Object> read(byte[] value) {
        if (value == null) {
            throw new RejectedRecordException("record has no value");
        }
        if (value.length > limits.maxRecordBytes()) {
            throw new RejectedRecordException("record of " + value.length + " bytes is over the limit of "
                    + limits.maxRecordBytes() + " bytes");
        }
        try {
            return Json.readObject(value);
        } catch (InvalidJsonException e) {
            throw new RejectedRecordException(e.getMessage(), e);
        }
    }
}
