package dev.kafkapipeline.vis.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.kafkapipeline.cassandra.client.CassandraSessions;
import dev.kafkapipeline.cassandra.client.CassandraSettings;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.local.junit.NativeStackTest;
import dev.kafkapipeline.local.jupyter.JupyterPaths;
import dev.kafkapipeline.local.jupyter.KernelSpec;
import dev.kafkapipeline.local.stack.NativeStack;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes data-vis/notebooks/blog-visuals.ipynb headlessly (jupyter nbconvert --execute)
 * with the project's kernel against the native stack's Cassandra, filled with the
 * 2018 Baku race's real laps, and checks that every chart cell produced a PNG, no
 * cell failed, and the race cells read the real race. Skipped where Jupyter is missing.
 */
@NativeStackTest
class BlogVisualsNotebookTest {
    private static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    private static final Path NOTEBOOK = Path.of("notebooks/blog-visuals.ipynb");

    @TempDir
    Path temp;

    @Test
    void everyChartCellDrawsAPngAndNoCellFails(NativeStack stack) throws Exception {
        assumeNbconvert();
        CassandraSettings settings = stack.cassandraSettings();
        try (CqlSession session = CassandraSessions.open(settings)) {
            PipelineRows.fill(session, settings);
        }
        JupyterPaths paths = JupyterPaths.under(temp.resolve("jupyter"));
        paths.create();
        List<Path> classpath = testClasspath();
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
        StringBuilder printed = new StringBuilder();
        for (Object cellObject : (List<?>) executed.get("cells")) {
            Map<?, ?> cell = (Map<?, ?>) cellObject;
            Object outputs = cell.get("outputs");
            for (Object outputObject : outputs instanceof List<?> list ? list : List.of()) {
                Map<?, ?> output = (Map<?, ?>) outputObject;
                if ("error".equals(output.get("output_type"))) {
                    errors.add(cell.get("id") + ": " + output.get("ename") + " " + output.get("evalue"));
                }
                if (output.get("text") instanceof List<?> text) {
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
        // Verstappen's 40 laps (he crashed on lap 40) and Leclerc's 51.
        assertTrue(printed.toString().contains("2018 Azerbaijan Grand Prix Race: 91 laps of [VER, LEC]"), printed.toString());
    }

    private static void assumeNbconvert() {
        if (!Files.isExecutable(JUPYTER) || !Files.isExecutable(Path.of("/usr/bin/jupyter-nbconvert"))) {
            String reason = "skipped: /usr/bin/jupyter-nbconvert is missing "
                    + "(apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel)";
            System.out.println(BlogVisualsNotebookTest.class.getSimpleName() + " " + reason);
            Assumptions.abort(reason);
        }
    }

    /** This module's test classpath: data-vis, its libraries and the patched kernel classes before the stock jar. */
    private static List<Path> testClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(e -> !e.isBlank()).map(Path::of).toList();
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
