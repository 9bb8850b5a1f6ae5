package dev.kafkapipeline.local.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.local.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** local/src/main/sh/stale-modules.sh, which ./pipeline runs to decide whether to build first. */
class StaleModulesTest {
    private static final Instant BUILT = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path root;

    private void file(String path, Instant modified) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private void folderTimes(String path, Instant modified) throws Exception {
        try (var tree = Files.walk(root.resolve(path))) {
            for (Path folder : tree.filter(Files::isDirectory).toList()) {
                Files.setLastModifiedTime(folder, FileTime.from(modified));
            }
        }
    }

    @Test
    void aModuleIsStaleWhenItsSourcesPomOrTheParentPomAreNewerThanItsBuild() throws Exception {
        Instant before = BUILT.minusSeconds(3600);
        Instant after = BUILT.plusSeconds(60);
        file("pom.xml", before);
        Files.writeString(root.resolve("pom.xml"), "<modules>\n<module>fresh</module>\n<module>edited</module>\n"
                + "<module>never</module>\n<module>pom-changed</module>\n<module>docs-only</module>\n</modules>\n");
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(before));
        file("fresh/pom.xml", before);
        file("fresh/src/main/java/A.java", before);
        file("fresh/src/test/java/ATest.java", after);
        file("fresh/target/fresh-1.0.jar", BUILT);
        file("edited/pom.xml", before);
        file("edited/src/main/java/B.java", after);
        file("edited/target/classpath.txt", BUILT);
        file("never/pom.xml", before);
        file("never/src/main/java/C.java", before);
        file("pom-changed/pom.xml", after);
        file("pom-changed/target/pom-changed-1.0.jar", BUILT);
        file("docs-only/pom.xml", before);
        file("docs-only/target/pipeline-build.stamp", BUILT);
        folderTimes(".", before);

        assertEquals(List.of(
                "edited: edited/src/main/java/B.java is newer than its build",
                "never: not built",
                "pom-changed: pom-changed/pom.xml is newer than its build"), staleModules());

        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(after));
        assertEquals(5, staleModules().size(), "a newer parent pom makes every module stale");
    }

    private List<String> staleModules() throws Exception {
        Path script = StackSettings.findRepository().resolve("local/src/main/sh/stale-modules.sh");
        Process process = new ProcessBuilder("bash", script.toString(), root.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), output);
        return output.lines().toList();
    }
}
