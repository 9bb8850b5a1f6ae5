package dev.kafkapipeline.local.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CqlScript;
import dev.kafkapipeline.local.text.TextTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The native stand-in for cqlsh: runs CQL statements and prints their rows as
 * an aligned table. {@code USE ks} is remembered, as cqlsh does.
 */
final class CqlConsole {
    /** More rows than this are not printed; the count says how many there were. */
    static final int MAX_PRINTED_ROWS = 1000;

    private final CqlSession session;
    private final PrintStream out;
    private final Duration timeout;

    CqlConsole(CqlSession session, PrintStream out, Duration timeout) {
        this.session = session;
        this.out = out;
        this.timeout = timeout;
    }

    /** Runs every statement of a script, stopping at the first error. */
    void runScript(String script) {
        for (String statement : CqlScript.statements(script)) {
            execute(statement);
        }
    }

    /** Reads statements ending in ';' until end of input or exit/quit. */
    void interactive(BufferedReader in, boolean prompt) throws IOException {
        StringBuilder pending = new StringBuilder();
        while (true) {
            if (prompt) {
                out.print(pending.isEmpty() ? "cqlsh" + keyspaceSuffix() + "> " : "   ... ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                return;
            }
            String trimmed = line.strip();
            if (pending.isEmpty() && (trimmed.equalsIgnoreCase("exit") || trimmed.equalsIgnoreCase("quit")
                    || trimmed.equalsIgnoreCase("exit;") || trimmed.equalsIgnoreCase("quit;"))) {
                return;
            }
            pending.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                for (String statement : CqlScript.statements(pending.toString())) {
                    try {
                        execute(statement);
                    } catch (RuntimeException e) {
                        out.println("error: " + e.getMessage());
                    }
                }
                pending.setLength(0);
            }
        }
    }

    private String keyspaceSuffix() {
        return session.getKeyspace().map(ks -> ":" + ks.asInternal()).orElse("");
    }

    void execute(String statement) {
        ResultSet result = session.execute(SimpleStatement.newInstance(statement).setTimeout(timeout).setPageSize(500));
        if (result.getColumnDefinitions().size() == 0) {
            return;
        }
        List<String> header = new ArrayList<>();
        for (ColumnDefinition column : result.getColumnDefinitions()) {
            header.add(column.getName().asCql(true));
        }
        TextTable table = new TextTable(header);
        int total = 0;
        for (Row row : result) {
            total++;
            if (total <= MAX_PRINTED_ROWS) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.add(Objects.toString(row.getObject(i), "null"));
                }
                table.add(cells);
            }
        }
        out.print(table.render());
        out.println();
        out.println("(" + total + " rows" + (total > MAX_PRINTED_ROWS ? ", first " + MAX_PRINTED_ROWS + " shown" : "") + ")");
    }
}
