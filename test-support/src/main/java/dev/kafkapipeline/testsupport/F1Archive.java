package dev.kafkapipeline.testsupport;

import dev.kafkapipeline.local.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample of the live-timing archive kept in the repository (f1-producer/archive-sample), which the tests read. */
public final class F1Archive {
    private F1Archive() {}

    public static Path root() {
        Path archive = StackSettings.findRepository().resolve("f1-producer/archive-sample");
        if (!Files.isDirectory(archive)) {
            throw new IllegalStateException("the archive sample " + archive + " is missing from this checkout");
        }
        return archive;
    }
}
