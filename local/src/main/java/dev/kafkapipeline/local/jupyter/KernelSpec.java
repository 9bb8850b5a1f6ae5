package dev.kafkapipeline.local.jupyter;

import dev.kafkapipeline.common.json.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notebook's Java kernel as a Jupyter kernel spec: rapaio-jupyter-kernel
 * started through the project's reliable main, with data-vis on the notebook's
 * classpath through RJK_CLASSPATH (so notebooks need no classpath magic).
 * Written by hand because the kernel's own installer ignores JUPYTER_* and
 * writes under the user's home.
 */
public record KernelSpec(Path javaExecutable, List<Path> kernelClasspath, List<Path> notebookClasspath) {
    public static final String NAME = "pipeline-java";
    public static final String DISPLAY_NAME = "Java (kafka-pipeline)";
    public static final String MAIN_CLASS = "dev.kafkapipeline.vis.kernel.KernelMain";

    /** The kernel.json document. */
    public Map<String, Object> document() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", List.of(
                javaExecutable.toString(),
                "-Djava.awt.headless=true",
                "-cp", Classpaths.join(kernelClasspath, File.pathSeparator),
                MAIN_CLASS,
                "{connection_file}"));
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        // rapaio reads RJK_CLASSPATH with ';' between entries on every platform.
        spec.put("env", Map.of("RJK_CLASSPATH", Classpaths.join(notebookClasspath, ";")));
        return spec;
    }

    /** Writes {@code <dataDir>/kernels/pipeline-java/kernel.json}, replacing an older one; returns its path. */
    public Path installInto(Path jupyterDataDir) throws IOException {
        Path dir = jupyterDataDir.resolve("kernels").resolve(NAME);
        Files.createDirectories(dir);
        Path file = dir.resolve("kernel.json");
        Files.write(file, Json.toBytes(document()));
        return file;
    }
}
