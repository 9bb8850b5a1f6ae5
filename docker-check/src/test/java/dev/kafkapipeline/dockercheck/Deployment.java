package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Docker deployment's files as the checks see them: the service folders,
 * the compose models they make (the root with its includes, the cluster file,
 * each folder's file), and the Java defaults they must agree with.
 */
record Deployment(Repository repository) {

    /** Service folder -> its Dockerfile's name. */
    static final Map<String, String> SERVICE_FOLDERS = orderedMap(
            "cassandra", "Dockerfile",
            "kafka", "Dockerfile-connect",
            "faker-producer", "Dockerfile",
            "owm-producer", "Dockerfile",
            "f1-producer", "Dockerfile",
            "consumers", "Dockerfile",
            "data-vis", "Dockerfile",
            "watch", "Dockerfile");

    /** The original pipeline's container names, kept where the service still exists. */
    static final Map<String, String> CONTAINER_NAMES = orderedMap(
            "cassandradb", "cassandra",
            "broker", "broker",
            "kafka-connect", "kafka-connect",
            "faker", "faker",
            "openweathermap", "openweathermap",
            "fastf1", "fastf1",
            "weatherconsumer", "weatherconsumer",
            "fakerconsumer", "fakerconsumer",
            "fastf1consumer", "fastf1consumer",
            "datavis", "datavis");

    /** Java service folder -> the main class its image runs. */
    static final Map<String, String> MAIN_CLASSES = orderedMap(
            "faker-producer", "dev.kafkapipeline.faker.FakerProducerMain",
            "owm-producer", "dev.kafkapipeline.owm.WeatherProducerMain",
            "f1-producer", "dev.kafkapipeline.f1.F1ProducerMain",
            "consumers", "dev.kafkapipeline.consumers.ConsumersMain",
            "watch", "dev.kafkapipeline.watch.WatchMain");

    static final Set<String> FIXED_NETWORKS = Set.of("kafka-network", "cassandra-network");

    Path rootFile() {
        return repository.resolve("docker-compose.yml");
    }

    List<Path> serviceFiles() {
        return SERVICE_FOLDERS.keySet().stream().map(f -> repository.resolve(f + "/docker-compose.yml")).toList();
    }

    /** Every compose file a user runs on its own (each service file, and the cluster file). */
    List<Path> standaloneFiles() {
        List<Path> files = new ArrayList<>(serviceFiles());
        files.add(repository.resolve("docker-compose.cluster.yml"));
        return files;
    }

    /** Every Dockerfile in the repository, used by a compose file or not (build output and local state left out). */
    List<Path> allDockerfiles() {
        Set<String> skipped = Set.of("target", ".git", ".pipeline", "node_modules");
        try (Stream<Path> files = Files.walk(repository.root())) {
            return files.filter(f -> f.getFileName().toString().startsWith("Dockerfile") && Files.isRegularFile(f))
                    .filter(f -> {
                        for (Path part : repository.root().relativize(f)) {
                            if (skipped.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ComposeModel rootModel() {
        return ComposeModel.ofRoot(rootFile());
    }

    ComposeModel clusterModel() {
        return ComposeModel.ofFile(repository.resolve("docker-compose.cluster.yml"));
    }

    List<ComposeModel> runnableModels() {
        List<ComposeModel> models = new ArrayList<>(List.of(rootModel(), clusterModel()));
        serviceFiles().forEach(f -> models.add(ComposeModel.ofFile(f)));
        return models;
    }

    /**
     * The service that builds the image this one runs: itself when it has a
     * build, else the one (in any compose file) building the image it names;
     * empty for a third-party image.
     */
    Optional<ComposeService> builderOf(ComposeService service) {
        if (service.buildContext().isPresent()) {
            return Optional.of(service);
        }
        String image = service.string("image").orElse("");
        return runnableModels().stream().flatMap(m -> m.services().values().stream())
                .filter(s -> s.buildContext().isPresent() && image.equals(s.string("image").orElse(null))).findFirst();
    }

    /** Every service definition once (the root model reuses the service files' definitions). */
    Stream<ComposeService> allServices() {
        Map<String, ComposeService> byPlace = new LinkedHashMap<>();
        Stream.of(rootModel(), clusterModel()).forEach(m -> m.services().values().forEach(s -> byPlace.putIfAbsent(s.where(), s)));
        return byPlace.values().stream();
    }

    /** The modules the root pom lists plus those the Dockerfiles build (which may land later). */
    Set<String> expectedModules() {
        Set<String> modules = new TreeSet<>(repository.moduleFolders());
        SERVICE_FOLDERS.forEach((folder, dockerfile) -> modules.addAll(ServiceCode.builtModules(
                Dockerfile.read(repository.resolve(folder + "/" + dockerfile)))));
        return modules;
    }

    /** The module folder a path lies in, for paths inside a module that may not exist yet. */
    String moduleFolderOf(String source) {
        return expectedModules().stream().filter(m -> source.startsWith(m + "/"))
                .max((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
    }

    int javaDefault(String module, String fileName, String regex) {
        try (Stream<Path> files = Files.walk(repository.resolve(module + "/src/main/java"))) {
            Path file = files.filter(f -> f.getFileName().toString().equals(fileName)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + fileName + " in " + module));
            Matcher m = Pattern.compile(regex).matcher(Files.readString(file));
            if (!m.find()) {
                fail(file + " no longer matches " + regex + ": update this check to where the default lives now");
            }
            return Integer.parseInt(m.group(1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String report(String message) {
        System.out.println("docker-check: " + message);
        return message;
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
