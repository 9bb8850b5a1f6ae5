package dev.kafkapipeline.local.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code ./pipeline cqlsh}: interactive CQL, the native stand-in for the original pipeline's cqlsh. */
final class Cqlsh implements Subcommand {
    @Override
    public String name() {
        return "cqlsh";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String help() {
        return "interactive CQL (use kafkapipeline; select * from lapsummary;)";
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) {
            throw new UsageError("cqlsh takes no arguments; ./pipeline cql runs statements given on the command line");
        }
        try (CqlSession session = CqlSessions.open(context)) {
            context.out().println("Connected to " + context.stack().cassandraSettings().address() + ". End statements with ';', leave with exit.");
            new CqlConsole(session, context.out(), CqlSessions.STATEMENT_TIMEOUT)
                    .interactive(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.console() != null);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
