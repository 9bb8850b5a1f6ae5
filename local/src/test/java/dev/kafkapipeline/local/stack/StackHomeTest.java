package dev.kafkapipeline.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.config.EnvConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stack's home holds the Jupyter token, the logs and the data: its owner's alone. */
class StackHomeTest {
    @TempDir
    Path temp;

    private StackSettings settings(Path home) {
        return StackSettings.forCommandLine(new EnvConfig(Map.of("PIPELINE_HOME", home.toString())), temp);
    }

    @Test
    void aNewHomeIsCreatedOwnerOnly() throws IOException {
        Path home = settings(temp.resolve("state/.pipeline")).createHome();

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
    }

    @Test
    void aHomeMadeOpenByAnEarlierVersionIsNarrowed() throws IOException {
        Path home = Files.createDirectories(temp.resolve(".pipeline"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        settings(home).createHome();

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
    }
}
