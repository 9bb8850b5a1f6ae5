package dev.kafkapipeline.local.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @Test
    void returnsTheLastLinesOfALargeFile(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("big.log");
        Files.writeString(log, IntStream.rangeClosed(1, 20000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));
        assertEquals(List.of("line 19998", "line 19999", "line 20000"), LogTail.lastLines(log, 3));
    }

    @Test
    void aMissingFileHasNoLines(@TempDir Path dir) {
        assertEquals(List.of(), LogTail.lastLines(dir.resolve("none.log"), 5));
    }
}
