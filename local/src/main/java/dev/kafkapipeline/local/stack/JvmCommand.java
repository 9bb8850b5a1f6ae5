package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.local.process.ModuleClasspath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM: the same java that runs ./pipeline, a heap, a classpath, a main class. */
final class JvmCommand {
    private JvmCommand() {}

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> of(String marker, String heap, List<String> jvmOptions, ModuleClasspath classpath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add(marker);
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath.classpath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
