package dev.kafkapipeline.vis.notebook;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.f1.archive.ArchiveClient;
import dev.kafkapipeline.f1.archive.ArchiveSettings;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.SessionLaps;
import dev.kafkapipeline.f1.laps.SessionLoader;
import dev.kafkapipeline.f1.record.LapRecord;
import dev.kafkapipeline.faker.person.PersonFaker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Fills the three tables with what the producers publish: the 2018 Baku race's
 * laps built by the F1 producer from ../shared/f1-archive and people from the
 * faker producer, written as the same flat JSON records (INSERT ... JSON). Weather
 * rows are written by hand: the OWM producer only replays recorded answers in its
 * own tests.
 */
final class PipelineRows {
    static final String BAKU = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";

    private PipelineRows() {}

    static void fill(CqlSession session, CassandraSettings settings) {
        String ks = settings.keyspace();
        for (String table : List.of(settings.fastf1Table(), settings.weatherTable(), settings.fakerTable())) {
            session.execute("TRUNCATE " + ks + "." + table);
        }
        PreparedStatement lap = session.prepare("INSERT INTO " + ks + "." + settings.fastf1Table() + " JSON ?");
        try (ArchiveClient archive = new ArchiveClient(ArchiveSettings.of(archiveRoot().toUri().toString()))) {
            SessionLaps race = new SessionLoader(archive).load(BAKU);
            for (Lap l : race.laps()) {
                session.execute(lap.bind(Json.toText(LapRecord.of(race.session(), l))));
            }
        }
        PreparedStatement person = session.prepare("INSERT INTO " + ks + "." + settings.fakerTable() + " JSON ?");
        PersonFaker faker = new PersonFaker(Locale.ENGLISH, 42, 2025);
        for (int i = 0; i < 20; i++) {
            session.execute(person.bind(Json.toText(faker.next().fields())));
        }
        String weather = "INSERT INTO " + ks + "." + settings.weatherTable()
                + " (location, forecastdate, description, temp, feels_like, humidity, wind) VALUES (?,?,?,?,?,?,?)";
        session.execute(SimpleStatement.newInstance(weather, "Baku", Instant.parse("2026-11-28T06:00:00Z"), "clear sky", 285.1, 283.9, 60.0, 5.5));
        session.execute(SimpleStatement.newInstance(weather, "Baku", Instant.parse("2026-11-28T07:00:00Z"), "few clouds", 286.0, 284.8, 58.0, 6.1));
        session.execute(SimpleStatement.newInstance(weather, "Vancouver", Instant.parse("2026-11-28T06:00:00Z"), "light rain", 277.4, 274.0, 91.0, 4.2));
    }

    /** ../shared/f1-archive beside the repository (the nearest folder above holding mvnw), as on CI. */
    static Path archiveRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        Path archive = dir == null ? null : dir.resolveSibling("shared").resolve("f1-archive");
        if (archive == null || !Files.isDirectory(archive)) {
            throw new IllegalStateException("the archive ../shared/f1-archive beside the repository is missing (looked from "
                    + Path.of("").toAbsolutePath() + ")");
        }
        return archive;
    }
}
