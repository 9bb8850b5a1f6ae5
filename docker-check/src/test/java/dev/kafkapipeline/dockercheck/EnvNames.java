package dev.kafkapipeline.dockercheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which environment variable names a piece of code can read. Java reads them
 * through EnvConfig with the name as a string literal (or a constant holding
 * one), so every quoted UPPER_SNAKE name in the main sources counts; shell
 * scripts read $NAME or ${NAME}; sink configs read ${env:NAME}.
 */
final class EnvNames {

    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    private static final Pattern SHELL_REFERENCE = Pattern.compile("\\$\\$?\\{?([A-Z][A-Z0-9_]*)");
    private static final Pattern ENV_PROVIDER_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvNames() {}

    static Set<String> readByJava(Path moduleFolder) {
        Path sources = moduleFolder.resolve("src/main/java");
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                names.addAll(matches(JAVA_LITERAL, Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static Set<String> readByShell(String text) {
        return matches(SHELL_REFERENCE, text);
    }

    static Set<String> readByShell(Path script) {
        return readByShell(read(script));
    }

    static Set<String> readBySinkConfigs(Collection<Path> configs) {
        Set<String> names = new TreeSet<>();
        configs.forEach(c -> names.addAll(matches(ENV_PROVIDER_REFERENCE, read(c))));
        return names;
    }

    /** The names set but read by nobody, in order: misspellings and leftovers. */
    static List<String> unread(Collection<String> set, Set<String> read) {
        return set.stream().filter(name -> !read.contains(name)).sorted().toList();
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
