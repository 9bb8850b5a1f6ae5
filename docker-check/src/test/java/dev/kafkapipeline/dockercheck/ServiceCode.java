package dev.kafkapipeline.dockercheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The code that reads a service's environment: the Maven module its Dockerfile
 * builds (with the project modules it depends on), the scripts it copies in,
 * the sink configs of the Connect image, and the variables the base image's own
 * program documents. A service running a third-party image unchanged has no
 * code of ours to check against.
 *
 * @param readNames  every variable name that code reads
 * @param skipReason why the names cannot be checked yet (a module not on this branch), or why not at all
 */
record ServiceCode(Set<String> readNames, List<String> origins, Optional<String> skipReason) {

    private static final Pattern MODULE_ARGUMENT = Pattern.compile("-pl\\s+(\\S+)");

    /** Variables the base images document (their own entrypoints or programs read them). */
    private static final Map<String, Set<String>> IMAGE_VARIABLES = Map.of(
            "cassandra:", Set.of("CASSANDRA_CLUSTER_NAME", "CASSANDRA_SEEDS", "CASSANDRA_DC", "CASSANDRA_RACK",
                    "CASSANDRA_ENDPOINT_SNITCH", "MAX_HEAP_SIZE", "HEAP_NEWSIZE"),
            "apache/kafka:", Set.of("KAFKA_HEAP_OPTS"),
            "eclipse-temurin:17-jdk", Set.of("JUPYTER_TOKEN"));

    /**
     * @param builder the service that builds the image it runs (itself, or another
     *                naming the same image); empty for a third-party image
     */
    static ServiceCode of(ComposeService service, Optional<ComposeService> builder, Repository repository) {
        if (builder.isEmpty()) {
            return ofInlineCommand(service);
        }
        Dockerfile dockerfile = Dockerfile.read(builder.get().dockerfile().orElseThrow());
        Path context = builder.get().buildContext().orElseThrow();
        Set<String> names = new TreeSet<>();
        List<String> origins = new ArrayList<>();

        for (String module : builtModules(dockerfile)) {
            for (String folder : repository.moduleWithProjectDependencies(module)) {
                if (!repository.moduleExists(folder)) {
                    return skipped("module " + folder + " is not on this branch yet");
                }
                names.addAll(EnvNames.readByJava(repository.resolve(folder)));
                origins.add(folder + "/src/main/java");
            }
        }
        for (Dockerfile.Copy copy : dockerfile.copies()) {
            for (String source : copy.sources()) {
                Path path = context.resolve(source).normalize();
                if (copy.fromStage()) {
                    continue;
                }
                if (source.endsWith(".sh") && Files.isRegularFile(path)) {
                    names.addAll(EnvNames.readByShell(path));
                    origins.add(repository.relativize(path));
                } else if (source.endsWith("sinks/")) {
                    if (!Files.isDirectory(path)) {
                        return skipped(repository.relativize(path) + " is not on this branch yet");
                    }
                    names.addAll(EnvNames.readBySinkConfigs(jsonFiles(path)));
                    origins.add(repository.relativize(path));
                }
            }
        }
        String baseImage = dockerfile.finalStage().image();
        IMAGE_VARIABLES.forEach((prefix, variables) -> {
            if (baseImage.startsWith(prefix)) {
                names.addAll(variables);
                origins.add("variables documented by " + baseImage);
            }
        });
        return new ServiceCode(names, origins, Optional.empty());
    }

    /** The modules a Dockerfile builds with `mvn -pl <module>[,<module>...]`. */
    static List<String> builtModules(Dockerfile dockerfile) {
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            for (Dockerfile.Instruction run : stage.all("RUN")) {
                Matcher matcher = MODULE_ARGUMENT.matcher(run.arguments());
                if (matcher.find()) {
                    return List.of(matcher.group(1).split(","));
                }
            }
        }
        return List.of();
    }

    /** A third-party image: only a command written in the compose file is ours to check. */
    private static ServiceCode ofInlineCommand(ComposeService service) {
        String command = service.string("command").orElse("") + service.string("entrypoint").orElse("");
        if (command.isBlank()) {
            return skipped("runs " + service.string("image").orElse("an image")
                    + " unchanged: its variables are the image's own");
        }
        return new ServiceCode(EnvNames.readByShell(command), List.of("its command"), Optional.empty());
    }

    private static ServiceCode skipped(String reason) {
        return new ServiceCode(Set.of(), List.of(), Optional.of(reason));
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
