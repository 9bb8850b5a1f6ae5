package dev.kafkapipeline.cassandra.client.mapping;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the records of one topic become rows of one table, written as DataStax's
 * Kafka connector writes it ({@code col=value.field, col2=value.other}), so the
 * original pipeline's connector configurations work unchanged.
 */
public record TableMapping(String topic, String keyspace, String table, List<ColumnMapping> columns, ConsistencyLevel consistency) {
    public static final ConsistencyLevel DEFAULT_CONSISTENCY = DefaultConsistencyLevel.LOCAL_ONE;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TableMapping {
        columns = List.copyOf(columns);
    }

    /**
     * Parses a mapping such as {@code location=value.location, forecastdate=value.report_time}.
     *
     * @throws MappingException naming the topic, table and the entry that is wrong
     */
    public static TableMapping parse(String topic, String keyspace, String table, String spec, ConsistencyLevel consistency) {
        String where = "mapping of topic '" + topic + "' to " + keyspace + "." + table;
        if (spec == null || spec.isBlank()) {
            throw new MappingException(where + " is empty");
        }
        List<ColumnMapping> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                throw new MappingException(where + ": empty entry in '" + spec + "'");
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                throw new MappingException(where + ": '" + trimmed + "' is not column=value.field");
            }
            String column = unquote(trimmed.substring(0, eq).strip());
            String path = trimmed.substring(eq + 1).strip();
            if (!IDENTIFIER.matcher(column).matches()) {
                throw new MappingException(where + ": '" + column + "' is not a column name");
            }
            if (!seen.add(column)) {
                throw new MappingException(where + ": column '" + column + "' is mapped twice");
            }
            try {
                columns.add(new ColumnMapping(column, FieldPath.parse(path)));
            } catch (MappingException e) {
                throw new MappingException(where + ", column '" + column + "': " + e.getMessage());
            }
        }
        return new TableMapping(topic, keyspace, table, columns, consistency);
    }

    public static ConsistencyLevel consistency(String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT_CONSISTENCY;
        }
        try {
            return DefaultConsistencyLevel.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MappingException("unknown consistency level '" + name + "'");
        }
    }

    public String qualifiedTable() {
        return keyspace + "." + table;
    }

    private static String unquote(String column) {
        return column.length() >= 2 && column.startsWith("\"") && column.endsWith("\"")
                ? column.substring(1, column.length() - 1)
                : column;
    }
}
