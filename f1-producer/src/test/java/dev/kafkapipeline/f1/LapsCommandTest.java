package dev.kafkapipeline.f1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.f1.record.LapCsv;
import dev.kafkapipeline.testsupport.F1Archive;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LapsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LapsCommand.run(args, new EnvConfig(Map.of()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsTheSelectedDriversLapsAsCsv() {
        String archive = F1Archive.root().toString();
        assertEquals(0, run("--archive", archive, "--drivers", "ver,LEC", ArchiveFixtures.BAKU_2018_RACE), err.toString());
        List<String> lines = lines();
        assertEquals(LapCsv.header(), lines.get(0));
        assertTrue(lines.get(0).contains("driver_number") && lines.get(0).contains("pit_out") && lines.get(0).contains("track_status"));
        assertEquals(1 + 40 + 51, lines.size());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",VER,33,") || l.contains(",LEC,16,")));
    }

    @Test
    void findsTheSessionByYearEventAndSession() {
        assertEquals(0, run("--archive", F1Archive.root().toUri().toString(), "2023", "Baku", "Sprint"), err.toString());
        assertTrue(lines().size() > 17 * 15, "every driver of the sprint");
    }

    @Test
    void anUnknownDriverIsAnErrorListingTheSessionsDrivers() {
        assertEquals(2, run("--archive", F1Archive.root().toString(), "--drivers", "XYZ", ArchiveFixtures.BAKU_2018_RACE));
        assertTrue(err.toString().contains("no driver XYZ") && err.toString().contains("LEC"), err.toString());
    }

    @Test
    void badArgumentsExplainTheUsage() {
        assertEquals(2, run("--drivers"));
        assertEquals(2, run("2023", "Austria"));
        assertTrue(err.toString().contains("usage: laps"), err.toString());
    }

    @Test
    void aMissingSessionIsAnError() {
        assertEquals(1, run("--archive", F1Archive.root().toString(), "2018/2018-01-01_Nowhere/2018-01-01_Race"));
        assertTrue(err.toString().startsWith("error: no such archive file"), err.toString());
    }
}
