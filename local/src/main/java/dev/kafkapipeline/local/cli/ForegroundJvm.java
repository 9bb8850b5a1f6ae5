package dev.kafkapipeline.local.cli;

import dev.kafkapipeline.local.process.ModuleClasspath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a module's main class in a JVM of its own, in the foreground: the
 * module's classpath (never the CLI's), this terminal, the given environment
 * added to this one. Its exit code is the command's.
 */
final class ForegroundJvm {
    private ForegroundJvm() {}

    static int run(CommandContext context, String module, List<String> jvmOptions, String mainClass, List<String> args,
                   Map<String, String> env) {
        ModuleClasspath classpath = ModuleClasspath.of(context.repository().resolve(module)).orElseThrow(() -> new CommandFailure(
                "module " + module + " is not built: run ./mvnw -q -DskipTests package"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath.classpath(), mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(context.repository().toFile()).inheritIO();
        builder.environment().putAll(env);
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new CommandFailure("cannot start " + mainClass + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
