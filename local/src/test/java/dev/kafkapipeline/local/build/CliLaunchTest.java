package dev.kafkapipeline.local.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.local.stack.StackSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How ./pipeline starts the command line's JVM, run on a copy of the script in
 * a folder laid out as a build leaves it. After a Maven run that stops before
 * package (./mvnw test), the modules' classpaths name target/classes folders,
 * which a class-data-sharing archive refuses.
 */
class CliLaunchTest {
    @TempDir
    Path root;

    @Test
    void aClasspathWithClassFoldersStillRunsTheCommand() throws Exception {
        Path repository = StackSettings.findRepository();
        Files.copy(repository.resolve("pipeline"), root.resolve("pipeline"));
        Files.createDirectories(root.resolve("local/src/main/sh"));
        Files.copy(repository.resolve("local/src/main/sh/stale-modules.sh"), root.resolve("local/src/main/sh/stale-modules.sh"));
        Files.writeString(root.resolve("pom.xml"), "<project><modules></modules></project>\n");
        Files.createDirectories(root.resolve("local/target"));
        emptyJar(root.resolve("local/target/local-1.0.jar"));
        // The test's own classpath: local's classes folder first, then its dependencies.
        Files.writeString(root.resolve("local/target/classpath.txt"), System.getProperty("java.class.path"));

        Process process = new ProcessBuilder("bash", root.resolve("pipeline").toString(), "help").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "./pipeline help did not end");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.startsWith("usage: ./pipeline COMMAND"), output);
    }

    private static void emptyJar(Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, new Manifest())) {
            jar.finish();
        }
    }
}
