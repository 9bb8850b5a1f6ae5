package dev.kafkapipeline.f1;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveException;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.f1.archive.SessionLocator;
import dev.kafkapipeline.f1.archive.SessionQuery;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.SessionLaps;
import dev.kafkapipeline.f1.laps.SessionLoader;
import dev.kafkapipeline.f1.record.LapCsv;
import dev.kafkapipeline.f1.record.LapRecord;
import dev.kafkapipeline.f1.stream.StreamFormatException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code laps [--archive URL] [--drivers VER,LEC|all] SESSION}: a session's laps
 * as CSV on stdout (header first), warnings on stderr; no Kafka. SESSION is an
 * archive path or a year, an event and a session ({@code 2018 Baku Race}).
 * Without --archive it reads F1_ARCHIVE_URL (and F1_ARCHIVE_MIRRORS,
 * F1_CACHE_DIR) like the producer; without --drivers it prints every driver.
 */
public final class LapsCommand {
    static final String USAGE = "usage: laps [--archive URL] [--drivers VER,LEC|all] SESSION\n"
            + "  SESSION: an archive path (2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race)\n"
            + "           or year event session (2023 Austria Race, 2023 Baku S, 2021 Monza FP2)";

    private LapsCommand() {}

    public static void main(String[] args) {
        PrintStream csv = System.out;
        // Standard output carries the CSV alone: every log line (the archive client's retries) goes to stderr.
        System.setOut(System.err);
        System.exit(run(args, EnvConfig.fromEnvironment(), csv, System.err));
    }

    /** @return the exit code: 0 done, 1 the archive or its data failed, 2 bad arguments */
    static int run(String[] args, EnvConfig env, PrintStream out, PrintStream err) {
        String archiveUrl = null;
        String drivers = "all";
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--archive") || arg.equals("--drivers")) && i + 1 >= args.length) {
                err.println(arg + " needs a value\n" + USAGE);
                return 2;
            }
            switch (arg) {
                case "--archive" -> archiveUrl = args[++i];
                case "--drivers" -> drivers = args[++i];
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (arg.startsWith("--")) {
                        err.println("unknown option " + arg + "\n" + USAGE);
                        return 2;
                    }
                    words.add(arg);
                }
            }
        }
        SessionQuery query;
        try {
            query = words.isEmpty() ? SessionQuery.parse(SessionQuery.DEFAULT) : SessionQuery.parse(words);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        ArchiveSettings settings = ArchiveSettings.from(env);
        if (archiveUrl != null) {
            settings = settings.withBases(List.of(ArchiveSettings.baseUri(archiveUrl)));
        }
        try (ArchiveClient archive = new ArchiveClient(settings)) {
            String path = new SessionLocator(archive).locate(query);
            SessionLaps session = new SessionLoader(archive).load(path);
            session.warnings().forEach(w -> err.println("warning: " + w));
            List<Lap> laps = DriverSelection.parse(drivers).laps(session);
            print(session, laps, out);
            return 0;
        } catch (ArchiveException | StreamFormatException | IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        } catch (RuntimeException e) {
            // No stack trace for a user; a failure with no message of its own is a bug worth reporting as such.
            err.println("error: unexpected " + e + " (a bug in the laps command; please report it with the command line)");
            return 1;
        }
    }

    private static void print(SessionLaps session, List<Lap> laps, PrintStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            writer.write(LapCsv.header());
            writer.write('\n');
            for (Lap lap : laps) {
                writer.write(LapCsv.row(LapRecord.of(session.session(), lap)));
                writer.write('\n');
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
