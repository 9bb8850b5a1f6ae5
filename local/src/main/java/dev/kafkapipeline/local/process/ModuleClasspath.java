package dev.kafkapipeline.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime classpath of a module that runs as its own process: its compiled
 * classes plus the target/classpath.txt the build exported for it. Servers and
 * services each get their own; none is ever shared.
 */
public record ModuleClasspath(Path module, String classpath) {

    /** The classpath of a built module, or empty when the module has no build output. */
    public static Optional<ModuleClasspath> of(Path module) {
        Path classes = module.resolve("target/classes");
        Path exported = module.resolve("target/classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(exported)) {
            return Optional.empty();
        }
        try {
            String dependencies = Files.readString(exported, StandardCharsets.UTF_8).strip();
            String classpath = dependencies.isEmpty() ? classes.toString() : classes + java.io.File.pathSeparator + dependencies;
            return Optional.of(new ModuleClasspath(module, classpath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of the first jar on this classpath whose file name starts with the artifact id. */
    public Optional<String> versionOf(String artifactId) {
        Matcher matcher = Pattern.compile(Pattern.quote(artifactId) + "-(\\d[^/:]*?)\\.jar").matcher(classpath);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
