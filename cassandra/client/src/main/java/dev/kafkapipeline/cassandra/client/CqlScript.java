package dev.kafkapipeline.cassandra.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a .cql file: comments dropped, split on the semicolons
 * that end statements (never inside a quoted string).
 */
public final class CqlScript {
    private CqlScript() {}

    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (String line : script.split("\\R")) {
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (!quoted && (line.startsWith("--", i) || line.startsWith("//", i))) {
                    break;
                }
                if (c == '\'') {
                    quoted = !quoted;
                }
                if (c == ';' && !quoted) {
                    addIfNotBlank(statements, current);
                    current.setLength(0);
                } else {
                    current.append(c);
                }
                i++;
            }
            current.append('\n');
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            statements.add(text.replaceAll("\\s*\\n\\s*", " "));
        }
    }
}
