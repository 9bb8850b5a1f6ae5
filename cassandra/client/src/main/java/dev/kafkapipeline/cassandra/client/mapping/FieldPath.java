package dev.kafkapipeline.cassandra.client.mapping;

import java.util.List;
import java.util.Map;

/**
 * Where a column's value comes from in a record, in DataStax's notation:
 * {@code key}, {@code key.field}, {@code value} or {@code value.field}
 * (a dotted path reaches into nested objects).
 */
public record FieldPath(Source source, List<String> fields) {
    public enum Source { KEY, VALUE }

    public FieldPath {
        fields = List.copyOf(fields);
    }

    static FieldPath parse(String text) {
        String[] parts = text.split("\\.", -1);
        Source source = switch (parts[0]) {
            case "key" -> Source.KEY;
            case "value" -> Source.VALUE;
            default -> throw new MappingException("'" + text + "' must start with 'key' or 'value'");
        };
        List<String> fields = List.of(parts).subList(1, parts.length);
        for (String field : fields) {
            if (field.isBlank()) {
                throw new MappingException("'" + text + "' has an empty field name");
            }
        }
        return new FieldPath(source, fields);
    }

    /** The value at this path, or null when any step is absent. */
    public Object read(Object key, Object value) {
        Object current = source == Source.KEY ? key : value;
        for (String field : fields) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(field);
        }
        return current;
    }

    @Override
    public String toString() {
        String head = source == Source.KEY ? "key" : "value";
        return fields.isEmpty() ? head : head + "." + String.join(".", fields);
    }
}
