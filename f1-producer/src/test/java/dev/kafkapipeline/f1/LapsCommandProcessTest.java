package dev.kafkapipeline.f1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.f1.record.LapCsv;
import dev.kafkapipeline.testsupport.F1Archive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pipeline laps} as a user runs it: its own JVM, the real main, stdout
 * and stderr read apart. Standard output is the CSV and nothing else; every log
 * line and warning goes to stderr; no stack trace reaches the user; exit codes
 * 0 done, 1 failed, 2 usage.
 */
class LapsCommandProcessTest {
    private record Run(int exit, List<String> out, List<String> err) {}

    private static Run laps(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LapsCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("F1_"));
        Path out = Files.createTempFile("laps", ".out");
        Path err = Files.createTempFile("laps", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "laps did not end within two minutes");
        Run run = new Run(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8), Files.readAllLines(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** Serves the archive sample over HTTP, answering the first request with a 503 so that the client retries and logs it. */
    private static Dispatcher sampleWithOneFailure() {
        AtomicBoolean failed = new AtomicBoolean();
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!failed.getAndSet(true)) {
                    return new MockResponse.Builder().code(503).build();
                }
                Path file = F1Archive.root().resolve(request.getUrl().encodedPath().substring("/static/".length()));
                try {
                    return new MockResponse.Builder().body(new Buffer().write(Files.readAllBytes(file))).build();
                } catch (IOException e) {
                    return new MockResponse.Builder().code(404).build();
                }
            }
        };
    }

    @Test
    void standardOutputIsTheCsvAloneAndTheLogGoesToStandardError() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(sampleWithOneFailure());
            server.start(0);
            Run run = laps("--archive", server.url("/static/").toString(), "--drivers", "LEC", ArchiveFixtures.BAKU_2018_RACE);
            assertEquals(0, run.exit(), run.err().toString());
            assertEquals(LapCsv.header(), run.out().get(0));
            assertEquals(1 + 51, run.out().size());
            assertTrue(run.out().stream().skip(1).allMatch(l -> l.startsWith(ArchiveFixtures.BAKU_2018_RACE + ",")), run.out().toString());
            assertTrue(run.err().stream().anyMatch(l -> l.contains("retrying") && l.contains("HTTP 503")), run.err().toString());
        }
    }

    @Test
    void damagedDataIsOneErrorLineWithoutAStackTraceAndExit1(@TempDir Path archive) throws Exception {
        DamagedCopy copy = DamagedCopy.of(ArchiveFixtures.BAKU_2018_RACE, archive);
        int line = copy.replaceFirst("TimingData", "\"InPit\":false(?=,\"PitOut\":true)", "\"InPit\":\"out\"");
        Run run = laps("--archive", archive.toString(), ArchiveFixtures.BAKU_2018_RACE);
        assertEquals(1, run.exit());
        assertEquals(List.of("error: " + ArchiveFixtures.BAKU_2018_RACE + "/TimingData.jsonStream line " + line
                + ": InPit should be true or false, got the text \"out\""), run.err());
        assertEquals(List.of(), run.out());
    }

    @Test
    void anIndexEntryLeavingTheArchiveIsRefusedWithExit1(@TempDir Path archive) throws Exception {
        DamagedCopy copy = DamagedCopy.of(ArchiveFixtures.BAKU_2023_SPRINT, archive);
        Path index = copy.root().resolve("2023/Index.json");
        Files.writeString(index, Files.readString(index).replace("2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-29_Sprint/",
                "2023/../../../etc/"));
        Run run = laps("--archive", archive.toString(), "2023", "Baku", "S");
        assertEquals(1, run.exit());
        assertEquals(1, run.err().size(), run.err().toString());
        assertTrue(run.err().get(0).startsWith("error: 2023/Index.json: the path of Azerbaijan Grand Prix Sprint"), run.err().toString());
        assertTrue(run.err().get(0).endsWith("leaves the archive root; refused"), run.err().toString());
    }

    @Test
    void badArgumentsExit2WithTheUsageOnStandardError() throws Exception {
        Run run = laps("--drivers");
        assertEquals(2, run.exit());
        assertEquals(List.of(), run.out());
        assertTrue(run.err().stream().anyMatch(l -> l.startsWith("usage: laps")), run.err().toString());
        assertFalse(run.err().stream().anyMatch(l -> l.contains("Exception")), run.err().toString());
    }
}
