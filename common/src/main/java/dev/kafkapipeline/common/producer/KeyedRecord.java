package dev.kafkapipeline.common.producer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record for a topic: its Kafka key (the table's partition key, such as a
 * location or a name) and its flat fields, whose names are the column names.
 * Field order is kept so the JSON reads like the table.
 */
public record KeyedRecord(String key, Map<String, Object> fields) {
    public KeyedRecord {
        Objects.requireNonNull(key, "key");
        // LinkedHashMap rather than Map.copyOf: it keeps the order and allows null values (an absent reading).
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
    }
}
