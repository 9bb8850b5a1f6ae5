package dev.kafkapipeline.local.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines of a log file, read from its end so a large log costs nothing. */
public final class LogTail {
    private LogTail() {}

    public static List<String> lastLines(Path file, int count) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = Math.max(0, length - 64L * 1024);
            in.seek(start);
            byte[] bytes = new byte[(int) (length - start)];
            in.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            Deque<String> tail = new ArrayDeque<>();
            for (int i = lines.length - 1; i >= 0 && tail.size() < count; i--) {
                if (i == 0 && start > 0) {
                    break;
                }
                tail.addFirst(lines[i]);
            }
            return List.copyOf(tail);
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
