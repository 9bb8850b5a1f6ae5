package dev.kafkapipeline.local.junit;

import dev.kafkapipeline.local.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared copy of the live-timing archive that tests read: ../shared/f1-archive beside the repository, as on CI. */
public final class F1Archive {
    private F1Archive() {}

    public static Path root() {
        Path archive = StackSettings.findRepository().resolveSibling("shared").resolve("f1-archive");
        if (!Files.isDirectory(archive)) {
            throw new IllegalStateException("the test archive " + archive + " is missing: tests read ../shared/f1-archive next to the repository");
        }
        return archive;
    }
}
