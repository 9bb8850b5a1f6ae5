package dev.kafkapipeline.f1;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared copy of the live-timing archive, found next to the repository
 * (the repository root is the nearest folder holding mvnw), as on CI.
 */
public final class ArchiveFixtures {
    public static final String BAKU_2018_RACE = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";
    public static final String BAKU_2023_SPRINT = "2023/2023-04-30_Azerbaijan_Grand_Prix/2023-04-29_Sprint";
    public static final String MIAMI_2025_SPRINT = "2025/2025-05-04_Miami_Grand_Prix/2025-05-03_Sprint";

    private ArchiveFixtures() {}

    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath() + ": cannot find the repository root");
        }
        return dir;
    }

    public static Path archiveRoot() {
        Path archive = repoRoot().resolveSibling("shared").resolve("f1-archive");
        if (!Files.isDirectory(archive)) {
            throw new IllegalStateException("the test archive " + archive + " is missing: tests read ../shared/f1-archive next to the repository");
        }
        return archive;
    }
}
