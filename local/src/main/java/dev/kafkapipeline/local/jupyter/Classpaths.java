package dev.kafkapipeline.local.jupyter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A module's runtime classpath as the build exports it: target/classes, then target/classpath.txt. */
final class Classpaths {
    private Classpaths() {}

    static List<Path> ofModule(Path moduleDir) {
        Path classes = moduleDir.resolve("target/classes");
        Path exported = moduleDir.resolve("target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(exported)) {
            throw new IllegalStateException(moduleDir + " is not built (" + exported + " missing): run "
                    + "./mvnw -q -B -pl data-vis,data-vis/kernel -am package -DskipTests");
        }
        List<Path> entries = new ArrayList<>();
        entries.add(classes);
        try {
            String text = Files.readString(exported).trim();
            if (!text.isEmpty()) {
                for (String entry : text.split(File.pathSeparator)) {
                    entries.add(Path.of(entry));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + exported + ": " + e.getMessage(), e);
        }
        return entries;
    }

    static String join(List<Path> entries, String separator) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(separator));
    }
}
