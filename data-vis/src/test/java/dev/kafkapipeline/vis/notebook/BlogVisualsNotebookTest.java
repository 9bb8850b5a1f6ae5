package dev.kafkapipeline.vis.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.local.jupyter.JupyterPaths;
import dev.kafkapipeline.local.jupyter.KernelSpec;
import dev.kafkapipeline.local.process.ModuleClasspath;
import dev.kafkapipeline.local.stack.NativeStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes data-vis/notebooks/blog-visuals.ipynb headlessly (jupyter nbconvert --execute)
 * with the project's kernel against the native stack, filled the way the pipeline
 * fills it: the three producers (run in this JVM with their own code) publish the
 * 2018 Baku race's real laps from the archive sample, seeded Datafaker people and
 * weather reports from recorded OpenWeatherMap answers to Kafka, and the project's
 * Cassandra sink, registered with the stack's Kafka Connect, writes them to
 * Cassandra. Once every row is there, it checks that every chart cell produced a
 * PNG, no cell failed, the race cells read the real race and the weather table
 * lists the recorded reports. Skipped where Jupyter is missing.
 */
@NativeStackTest
class BlogVisualsNotebookTest {
    private static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    private static final Path NOTEBOOK = Path.of("notebooks/blog-visuals.ipynb");
    private static final int PEOPLE = 20;
    private static final Duration SINK_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void everyChartCellDrawsAPngAndNoCellFails(NativeStack stack) throws Exception {
        assumeNbconvert();
        CassandraSettings settings = stack.cassandraSettings();
        RecordedWeather recordedWeather = RecordedWeather.load();
        try (CqlSession session = CassandraSessions.open(settings)) {
            // The stack is shared by this module's test classes; another may have written rows of its own.
            for (String table : List.of(settings.fastf1Table(), settings.weatherTable(), settings.fakerTable())) {
                session.execute("TRUNCATE " + settings.keyspace() + "." + table);
            }
            assertFalse(stack.registerSinks().isEmpty(), "no sink registered: kafka/connect/target/plugin holds no plugin jar");

            long started = System.nanoTime();
            ExpectedRows expected = publish(stack.serviceEnvironment(), recordedWeather);
            long published = System.nanoTime();
            expected.awaitIn(session, settings, SINK_TIMEOUT, stack.logFile("connect"));
            System.out.printf("%s: producers done in %.1f s, every row in Cassandra %.1f s later%n", getClass().getSimpleName(),
                    (published - started) / 1e9, (System.nanoTime() - published) / 1e9);
        }
        JupyterPaths paths = JupyterPaths.under(temp.resolve("jupyter"));
        paths.create();
        ModuleClasspath classpath = testClasspath();
        new KernelSpec(Path.of(System.getProperty("java.home"), "bin", "java"), classpath, classpath).installInto(paths.data());

        ProcessBuilder builder = new ProcessBuilder(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME,
                "--output-dir=" + temp, "--output=executed", NOTEBOOK.toAbsolutePath().toString());
        builder.environment().putAll(paths.environment());
        builder.environment().put("CASSANDRA_HOST", settings.host());
        builder.environment().put("CASSANDRA_PORT", String.valueOf(settings.port()));
        builder.environment().put("CASSANDRA_KEYSPACE", settings.keyspace());
        Path log = temp.resolve("nbconvert.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process nbconvert = builder.start();
        try {
            assertTrue(nbconvert.waitFor(6, TimeUnit.MINUTES), () -> "nbconvert did not finish in 6 minutes:\n" + tail(log));
            assertEquals(0, nbconvert.exitValue(), () -> "nbconvert failed:\n" + tail(log));
        } finally {
            nbconvert.destroyForcibly();
        }

        Map<String, Object> executed = Json.readObject(Files.readAllBytes(temp.resolve("executed.ipynb")));
        List<String> pngCells = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, StringBuilder> printedByCell = new LinkedHashMap<>();
        for (Object cellObject : (List<?>) executed.get("cells")) {
            Map<?, ?> cell = (Map<?, ?>) cellObject;
            Object outputs = cell.get("outputs");
            for (Object outputObject : outputs instanceof List<?> list ? list : List.of()) {
                Map<?, ?> output = (Map<?, ?>) outputObject;
                if ("error".equals(output.get("output_type"))) {
                    errors.add(cell.get("id") + ": " + output.get("ename") + " " + output.get("evalue"));
                }
                if (output.get("text") instanceof List<?> text) {
                    StringBuilder printed = printedByCell.computeIfAbsent(String.valueOf(cell.get("id")), id -> new StringBuilder());
                    text.forEach(printed::append);
                }
                Object data = output.get("data");
                if (data instanceof Map<?, ?> mime && mime.containsKey("image/png")) {
                    pngCells.add(String.valueOf(cell.get("id")));
                }
            }
        }
        assertEquals(List.of(), errors);
        assertEquals(3, pngCells.size(), "weather, lap time and tyre strategy charts: " + pngCells);
        String printed = String.join("", printedByCell.values());
        assertTrue(printed.contains("2018 Azerbaijan Grand Prix Race: 91 laps of [VER, LEC]"), printed);
        assertWeatherTableLists(recordedWeather.reports(), printedByCell.values().stream().map(StringBuilder::toString).toList());
    }

    /** The weather cell prints how many reports it read, then a table with a line per report: location and report time. */
    private static void assertWeatherTableLists(List<RecordedWeather.Report> reports, List<String> cellOutputs) {
        String heading = reports.size() + " weather reports\n";
        String table = cellOutputs.stream().filter(output -> output.startsWith(heading)).findFirst()
                .orElseGet(() -> fail("no cell printed '" + heading.strip() + "': " + cellOutputs));
        List<String> lines = table.lines().toList();
        for (RecordedWeather.Report report : reports) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(report.location() + " ")
                    && line.contains(" " + report.reportTime() + " ")), () -> "no line for " + report + " in\n" + table);
        }
    }

    /**
     * Runs the three producers side by side, as in the pipeline (the F1 archive and the
     * faker's pools take seconds to load), and returns the rows their records must become.
     */
    private static ExpectedRows publish(EnvConfig env, RecordedWeather recordedWeather) throws Exception {
        List<RecordedWeather.Report> reports = recordedWeather.reports();
        ExecutorService producers = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> laps = producers.submit(() -> ProducerRuns.f1Laps(env));
            Future<List<String>> people = producers.submit(() -> ProducerRuns.fakerPeople(env, PEOPLE));
            assertEquals(new ProducerLoop.Outcome(reports.size(), 0), ProducerRuns.weatherReports(env, recordedWeather),
                    "weather reports sent and refused");
            assertEquals(0, laps.get(2, TimeUnit.MINUTES), "the F1 producer's exit status: every lap acknowledged by Kafka");
            // Verstappen's 40 laps (he crashed on lap 40) and Leclerc's 51.
            return new ExpectedRows(ProducerRuns.BAKU, Map.of("VER", 40, "LEC", 51), people.get(2, TimeUnit.MINUTES), reports);
        } finally {
            producers.shutdownNow();
        }
    }

    private static void assumeNbconvert() {
        if (!Files.isExecutable(JUPYTER) || !Files.isExecutable(Path.of("/usr/bin/jupyter-nbconvert"))) {
            String reason = "skipped: /usr/bin/jupyter-nbconvert is missing "
                    + "(apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel)";
            System.out.println(BlogVisualsNotebookTest.class.getSimpleName() + " " + reason);
            Assumptions.abort(reason);
        }
    }

    /** This test's own classpath: it holds data-vis, the patched kernel and the kernel's jars. */
    private static ModuleClasspath testClasspath() {
        return new ModuleClasspath(Path.of("").toAbsolutePath(),
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
