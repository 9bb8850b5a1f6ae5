package dev.kafkapipeline.local.jupyter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A repository root whose data-vis modules look built: target/classes and target/classpath.txt. */
final class FakeRepo {
    private FakeRepo() {}

    static Path create(Path root) throws IOException {
        module(root.resolve("data-vis"), "/m2/jfreechart.jar:/m2/driver.jar");
        module(root.resolve("data-vis/kernel"), "/m2/rapaio-jupyter-kernel-3.0.1.jar");
        Files.createDirectories(root.resolve("data-vis/notebooks"));
        return root;
    }

    private static void module(Path dir, String classpath) throws IOException {
        Files.createDirectories(dir.resolve("target/classes"));
        Files.writeString(dir.resolve("target/classpath.txt"), classpath + "\n");
    }
}
