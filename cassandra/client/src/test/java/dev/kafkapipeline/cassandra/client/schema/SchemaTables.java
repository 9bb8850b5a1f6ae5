package dev.kafkapipeline.cassandra.client.schema;

import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.cassandra.client.PipelineSchema;
import dev.kafkapipeline.common.config.EnvConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables as the schema files (cassandra/*.cql, read by {@link PipelineSchema})
 * declare them: each column as "name type", in file order. For the tests that
 * hold the files against the row definitions and the sink mappings.
 */
public final class SchemaTables {
    private static final List<String> STATEMENTS = PipelineSchema.forSettings(CassandraSettings.from(new EnvConfig(Map.of())))
            .statements();
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE IF NOT EXISTS kafkapipeline\\.(\\w+) \\(");
    private static final Pattern ADD = Pattern.compile("ALTER TABLE kafkapipeline\\.(\\w+) ADD IF NOT EXISTS \\(");

    private SchemaTables() {}

    /** The columns of the table's CREATE TABLE, without the PRIMARY KEY clause. */
    public static List<String> created(String table) {
        List<List<String>> found = columns(CREATE, table);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " CREATE TABLE statements for " + table + " in " + STATEMENTS);
        }
        return found.get(0);
    }

    /** The columns that ALTER TABLE ... ADD IF NOT EXISTS statements add to the table, for a table made before them. */
    public static List<String> added(String table) {
        return columns(ADD, table).stream().flatMap(List::stream).toList();
    }

    private static List<List<String>> columns(Pattern statementStart, String table) {
        List<List<String>> found = new ArrayList<>();
        for (String statement : STATEMENTS) {
            Matcher start = statementStart.matcher(statement);
            if (start.lookingAt() && start.group(1).equals(table)) {
                found.add(definitions(statement, start.end()));
            }
        }
        return found;
    }

    /** The comma-separated column definitions from {@code from} to the parenthesis that closes the list. */
    private static List<String> definitions(String statement, int from) {
        List<String> columns = new ArrayList<>();
        int depth = 0;
        int itemStart = from;
        for (int i = from; depth >= 0; i++) {
            char c = statement.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if ((c == ',' && depth == 0) || depth < 0) {
                String item = statement.substring(itemStart, i).strip().replaceAll("\\s+", " ");
                if (!item.startsWith("PRIMARY KEY")) {
                    columns.add(item.replaceFirst(" PRIMARY KEY$", ""));
                }
                itemStart = i + 1;
            }
        }
        return columns;
    }
}
