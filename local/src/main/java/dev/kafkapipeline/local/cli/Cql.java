package dev.kafkapipeline.local.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code ./pipeline cql "STATEMENT; ..."} or {@code cql -f FILE}: runs CQL and prints the rows as a table. */
final class Cql implements Subcommand {
    @Override
    public String name() {
        return "cql";
    }

    @Override
    public String arguments() {
        return "\"STATEMENT; ...\" | -f FILE";
    }

    @Override
    public String help() {
        return "run CQL and print the rows as a table; -f runs the statements of a .cql file";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        String script = script(args);
        try (CqlSession session = CqlSessions.open(context)) {
            new CqlConsole(session, context.out(), CqlSessions.STATEMENT_TIMEOUT).runScript(script);
            return 0;
        } catch (DriverException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private static String script(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageError("cql needs a statement, e.g. ./pipeline cql \"select * from kafkapipeline.lapsummary;\"");
        }
        if (!args.get(0).equals("-f")) {
            return String.join(" ", args);
        }
        if (args.size() != 2) {
            throw new UsageError("cql -f needs one file");
        }
        try {
            return Files.readString(Path.of(args.get(1)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailure("cannot read " + args.get(1) + ": " + e.getMessage());
        }
    }
}
