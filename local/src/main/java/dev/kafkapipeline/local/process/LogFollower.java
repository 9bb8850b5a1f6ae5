package dev.kafkapipeline.local.process;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** {@code tail -f}: prints what is appended to a log file from now on, until the thread is interrupted (Ctrl-C ends the JVM). */
public final class LogFollower {
    private static final Duration LOOK_EVERY = Duration.ofMillis(300);

    private LogFollower() {}

    public static void follow(Path log, PrintStream out) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long position = file.length();
            while (!Thread.currentThread().isInterrupted()) {
                long length = file.length();
                if (length < position) {
                    position = 0; // the log was replaced (./pipeline reset): start from its beginning
                }
                if (length > position) {
                    file.seek(position);
                    byte[] bytes = new byte[(int) (length - position)];
                    file.readFully(bytes);
                    out.print(new String(bytes, StandardCharsets.UTF_8));
                    out.flush();
                    position = length;
                }
                Thread.sleep(LOOK_EVERY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
