package dev.kafkapipeline.common.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kafkapipeline.common.config.EnvConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeFileTest {
    @TempDir
    Path dir;

    @Test
    void theLineReplacesAnEarlierOneInTheNamedFile() throws Exception {
        Path file = dir.resolve("run/fastf1.outcome");
        EnvConfig env = new EnvConfig(Map.of(OutcomeFile.VARIABLE, file.toString()));
        OutcomeFile.write(env, "failed 1 the archive did not answer");
        OutcomeFile.write(env, "done 846 laps\nsent");
        assertEquals("done 846 laps sent\n", Files.readString(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void withoutTheVariableNothingIsWritten() throws Exception {
        OutcomeFile.write(new EnvConfig(Map.of()), "done 1 record");
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
