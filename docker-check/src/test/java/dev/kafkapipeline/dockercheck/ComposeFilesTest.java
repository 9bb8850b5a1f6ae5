package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The compose files as a whole: one per service folder, all included by the
 * root file without conflicts, on fixed-name networks, started in order on
 * health checks, with the local override and the .env they read.
 */
class ComposeFilesTest {

    private final Deployment deployment = new Deployment(Repository.locate());
    private final Repository repository = deployment.repository();

    @Test
    void everyServiceFolderHasItsDockerfileAndComposeFile() {
        List<String> missing = new ArrayList<>();
        Deployment.SERVICE_FOLDERS.forEach((folder, dockerfile) -> {
            for (String file : List.of(dockerfile, "docker-compose.yml")) {
                if (!Files.isRegularFile(repository.resolve(folder + "/" + file))) {
                    missing.add(folder + "/" + file);
                }
            }
        });
        assertEquals(List.of(), missing, "service folders without their Docker files");
    }

    @Test
    void rootFileIncludesEveryServiceFileWithoutConflicts() {
        List<Path> included = ComposeModel.includeEntries(deployment.rootFile()).stream().map(e -> e.get(0)).toList();
        assertEquals(new TreeSet<>(deployment.serviceFiles()), new TreeSet<>(included),
                "the root docker-compose.yml must include each service folder's file exactly once");
        assertEquals(List.of(), deployment.rootModel().conflicts(), "what Compose would reject while resolving the includes");
    }

    @Test
    void includeOverlaysOnlyAddStartOrder() {
        List<String> problems = new ArrayList<>();
        for (List<Path> entry : ComposeModel.includeEntries(deployment.rootFile())) {
            for (Path overlay : entry.subList(1, entry.size())) {
                Map<String, Object> model = ComposeYaml.read(overlay);
                model.keySet().stream().filter(k -> !k.equals("services") && !k.startsWith("x-"))
                        .forEach(k -> problems.add(overlay + ": top-level " + k));
                ComposeModel.section(model, "services").forEach((name, definition) ->
                        ComposeModel.asMap(definition).keySet().stream().filter(k -> !k.equals("depends_on"))
                                .forEach(k -> problems.add(overlay + ": " + name + "." + k)));
            }
        }
        assertEquals(List.of(), problems,
                "an overlay may only add depends_on, so that each folder's own file stays complete when run alone");
    }

    @Test
    void servicesKeepTheOriginalContainerNames() {
        Map<String, ComposeService> services = deployment.rootModel().services();
        Map<String, String> actual = new LinkedHashMap<>();
        Deployment.CONTAINER_NAMES.keySet().forEach(s -> actual.put(s,
                services.containsKey(s) ? services.get(s).string("container_name").orElse("(none)") : "(no such service)"));
        assertEquals(Deployment.CONTAINER_NAMES, actual);
    }

    @TestFactory
    Stream<DynamicTest> networksAreDeclaredWithFixedNames() {
        return deployment.standaloneFiles().stream().map(file -> DynamicTest.dynamicTest(repository.relativize(file), () -> {
            ComposeModel model = ComposeModel.ofFile(file);
            boolean cluster = file.getFileName().toString().equals("docker-compose.cluster.yml");
            List<String> problems = new ArrayList<>();
            for (ComposeService service : model.services().values()) {
                if (service.networks().isEmpty()) {
                    problems.add(service.name() + " joins no named network");
                }
                for (String network : service.networks()) {
                    if (!model.networks().containsKey(network)) {
                        problems.add(service.name() + " uses undeclared network " + network);
                        continue;
                    }
                    Object name = ComposeModel.asMap(model.networks().get(network)).get("name");
                    if (name == null) {
                        problems.add(network + " has no fixed name");
                    } else if (!cluster && !(Deployment.FIXED_NETWORKS.contains(network) && network.equals(name))) {
                        problems.add(network + " must be one of " + Deployment.FIXED_NETWORKS + " under its own name, is " + name);
                    }
                }
            }
            assertEquals(List.of(), problems, repository.relativize(file));
        }));
    }

    @TestFactory
    Stream<DynamicTest> startOrderIsDeclaredAndHealthChecksExistWhereItWaitsForThem() {
        return deployment.runnableModels().stream().map(model -> DynamicTest.dynamicTest(model.description(), () -> {
            List<String> problems = new ArrayList<>();
            for (ComposeService service : model.services().values()) {
                if (!service.ports().isEmpty() && !service.hasHealthcheck()) {
                    problems.add(service.name() + " publishes ports but has no health check");
                }
                service.dependsOn().forEach((target, condition) -> {
                    ComposeService dependency = model.services().get(target);
                    if (dependency == null) {
                        problems.add(service.name() + " depends on undefined " + target);
                    } else if (condition.equals("service_healthy") && !dependency.hasHealthcheck()) {
                        problems.add(service.name() + " waits for " + target + " to be healthy, which has no health check");
                    } else if (condition.equals("service_completed_successfully")
                            && !dependency.string("restart").orElse("no").equals("no")) {
                        problems.add(target + " is waited for as a one-shot job but restarts");
                    } else if (condition.equals("service_started")) {
                        problems.add(service.name() + " depends on " + target + " without a health or completion condition");
                    }
                });
            }
            assertEquals(List.of(), problems, model.description());
        }));
    }

    /**
     * Compose 2.37 and later build through bake, which runs every build target at
     * once: two targets exporting one tag fail on a clean machine ("image ...
     * already exists", docker/buildx#3576). So each image has one builder, and a
     * service that only names an image built here finds that builder in the same
     * file, since a folder's file runs alone.
     */
    @TestFactory
    Stream<DynamicTest> eachImageIsBuiltByOneServiceOfTheFileThatRunsIt() {
        Set<String> builtHere = new TreeSet<>();
        deployment.runnableModels().forEach(m -> m.services().values().stream().filter(s -> s.buildContext().isPresent())
                .forEach(s -> s.string("image").ifPresent(builtHere::add)));
        return deployment.runnableModels().stream().map(model -> DynamicTest.dynamicTest(model.description(), () -> {
            Map<String, List<String>> builders = new TreeMap<>();
            model.services().values().stream().filter(s -> s.buildContext().isPresent()).forEach(s -> builders
                    .computeIfAbsent(s.string("image").orElse("<" + s.name() + ">"), k -> new ArrayList<>()).add(s.name()));
            List<String> problems = new ArrayList<>();
            builders.forEach((image, services) -> {
                if (services.size() > 1) {
                    problems.add(image + " is built by " + services + "; keep build: on one of them, image: alone on the others");
                }
            });
            for (ComposeService service : model.services().values()) {
                String image = service.string("image").orElse("");
                if (service.buildContext().isEmpty() && builtHere.contains(image) && !builders.containsKey(image)) {
                    problems.add(service.name() + " runs " + image + ", which no service of this file builds");
                }
            }
            assertEquals(List.of(), problems, model.description());
        }));
    }

    /** How the minimum Compose version is written, in the root file's comment (the one place) and wherever it is repeated. */
    private static final Pattern COMPOSE_MINIMUM = Pattern.compile("Docker Compose (\\d+\\.\\d+\\.\\d+) or newer");

    /**
     * The root file's comment states the minimum Compose version; it must be at
     * least what each feature the files use needs, and the README and every other
     * compose file that repeats it must say the same.
     */
    @Test
    void theMinimumComposeVersionCoversTheFeaturesUsedAndIsStatedAlike() throws IOException {
        List<String> stated = matches(COMPOSE_MINIMUM, Files.readString(deployment.rootFile()));
        assertEquals(1, stated.size(), deployment.rootFile() + " must state the minimum once, as 'Docker Compose X.Y.Z or newer'");
        String minimum = stated.get(0);

        Map<String, String> needed = new LinkedHashMap<>();
        if (ComposeYaml.read(deployment.rootFile()).containsKey("include")) {
            needed.put("include", "2.20.0");
        }
        List<Path> composeFiles = new ArrayList<>(deployment.standaloneFiles());
        ComposeModel.includeEntries(deployment.rootFile()).forEach(entry -> composeFiles.addAll(entry.subList(1, entry.size())));
        Path overrideFile = repository.resolve("docker-compose.override.yml");
        composeFiles.add(overrideFile);
        for (Path file : composeFiles) {
            String withoutComments = Files.readString(file).replaceAll("(?m)^\\s*#.*$", "");
            if (Pattern.compile(":\\s*!(override|reset)\\b").matcher(withoutComments).find()) {
                needed.put("the !override and !reset tags (" + repository.relativize(file) + ")", "2.24.4");
            }
        }
        Set<String> included = deployment.rootModel().services().keySet();
        if (ComposeModel.section(ComposeYaml.read(overrideFile), "services").keySet().stream().anyMatch(included::contains)) {
            // 2.24.0 to 2.24.5 merge the override before the includes and stop with
            // "services.<name> conflicts with imported resource" (docker/compose#11404).
            needed.put("an override of included services", "2.24.6");
        }
        List<String> unmet = new ArrayList<>();
        needed.forEach((feature, version) -> {
            if (compareVersions(minimum, version) < 0) {
                unmet.add(feature + " needs Compose " + version);
            }
        });
        assertEquals(List.of(), unmet, "the stated minimum, Compose " + minimum + ", is too old");

        List<String> disagreeing = new ArrayList<>();
        List<Path> repeating = new ArrayList<>(composeFiles);
        repeating.add(repository.resolve("README.md"));
        for (Path file : repeating) {
            matches(COMPOSE_MINIMUM, Files.readString(file)).stream().filter(v -> !v.equals(minimum))
                    .forEach(v -> disagreeing.add(repository.relativize(file) + " says " + v));
        }
        assertEquals(List.of(), disagreeing, "the root file says Docker Compose " + minimum + " or newer");
        assertFalse(matches(COMPOSE_MINIMUM, Files.readString(repository.resolve("README.md"))).isEmpty(),
                "README.md must state the minimum Compose version, as 'Docker Compose " + minimum + " or newer'");
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int difference = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    /** The cluster file runs the same pipeline, so every image of the single-node stack runs in it too. */
    @Test
    void theClusterRunsEveryImageOfTheSingleNodeStack() {
        Set<String> cluster = images(deployment.clusterModel());
        List<String> missing = images(deployment.rootModel()).stream().filter(i -> !cluster.contains(i)).toList();
        assertEquals(List.of(), missing, "images of docker-compose.yml that docker-compose.cluster.yml does not run");
    }

    private static Set<String> images(ComposeModel model) {
        Set<String> images = new TreeSet<>();
        model.services().values().forEach(s -> images.add(s.string("image").orElse("<built by " + s.name() + ">")));
        return images;
    }

    /**
     * A notebook saved in the container lands in the bind-mounted host folder, which
     * only the host user who owns it can write: the container's uid must be one the
     * user sets (a build argument or user: from .env), and the README must say which.
     */
    @TestFactory
    Stream<DynamicTest> writableBindMountsRunAsAUidTheUserSets() throws IOException {
        String readme = Files.readString(repository.resolve("README.md"));
        List<ComposeService> writing = deployment.allServices().filter(s -> s.bindMounts().containsValue(true)).toList();
        assertFalse(writing.isEmpty(), "no service writes to a bind mount: the notebooks mount is not read as writable");
        Pattern variable = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
        return writing.stream().map(s -> DynamicTest.dynamicTest(s.where(), () -> {
            Set<String> settable = new TreeSet<>(matches(variable, s.string("user").orElse("")));
            if (s.dockerfile().isPresent()) {
                String dockerfile = Files.readString(s.dockerfile().get());
                s.buildArgs().forEach((arg, value) -> {
                    boolean used = Pattern.compile("(?m)^ARG " + arg + "\\b").matcher(dockerfile).find()
                            && Pattern.compile("(useradd|usermod|USER)[^\\n]*\\$\\{?" + arg + "\\b").matcher(dockerfile).find();
                    if (used) {
                        settable.addAll(matches(variable, value));
                    }
                });
            }
            assertFalse(settable.isEmpty(), s.where() + " writes to " + s.bindMounts() + " as a fixed uid: take it from .env"
                    + " (user: \"${VAR}\", or a build argument its Dockerfile gives to useradd)");
            settable.forEach(v -> assertTrue(readme.contains(v), "README.md does not say that " + v + " sets " + s.name() + "'s uid"));
        }));
    }

    @Test
    void wholePipelineStartsInOrder() {
        Map<String, ComposeService> services = deployment.rootModel().services();
        Map<String, Map<String, String>> required = Deployment.orderedMap(
                "cassandra-init", Map.of("cassandradb", "service_healthy"),
                "kafka-init", Map.of("broker", "service_healthy"),
                "kafka-connect", Map.of("broker", "service_healthy", "cassandra-init", "service_completed_successfully"),
                "kafka-ui", Map.of("broker", "service_healthy"),
                "faker", Map.of("kafka-init", "service_completed_successfully"),
                "openweathermap", Map.of("kafka-init", "service_completed_successfully"),
                "fastf1", Map.of("kafka-init", "service_completed_successfully"),
                "weatherconsumer", Map.of("kafka-init", "service_completed_successfully", "cassandra-init", "service_completed_successfully"),
                "fakerconsumer", Map.of("kafka-init", "service_completed_successfully", "cassandra-init", "service_completed_successfully"),
                "fastf1consumer", Map.of("kafka-init", "service_completed_successfully", "cassandra-init", "service_completed_successfully"),
                "datavis", Map.of("cassandra-init", "service_completed_successfully"));
        List<String> missing = new ArrayList<>();
        required.forEach((service, needs) -> needs.forEach((target, condition) -> {
            String actual = services.containsKey(service) ? services.get(service).dependsOn().get(target) : null;
            if (!condition.equals(actual)) {
                missing.add(service + " -> " + target + " (" + condition + "), found " + actual);
            }
        }));
        assertEquals(List.of(), missing, "start order of `docker compose up` from the root file");
    }

    /**
     * Safe by default: whichever way the files are run (a folder's file alone, the
     * root file with or without its override, the cluster file), a published port
     * answers on this machine only.
     */
    @TestFactory
    Stream<DynamicTest> everyPublishedPortAnswersOnThisMachineOnly() {
        List<Path> files = new ArrayList<>(deployment.standaloneFiles());
        files.add(repository.resolve("docker-compose.override.yml"));
        return files.stream().map(file -> DynamicTest.dynamicTest(repository.relativize(file), () -> {
            List<String> open = new ArrayList<>();
            ComposeModel.ofFile(file).services().values().forEach(s -> s.ports().stream()
                    .filter(p -> !p.hostIp().equals("127.0.0.1")).forEach(p -> open.add(s.name() + " " + p)));
            assertEquals(List.of(), open, file + ": ports published on every interface; write them as \"127.0.0.1:port:port\"");
        }));
    }

    @Test
    void overrideNamesOnlyServicesOfThePipelineAndTakesSecretsFromEnv() {
        Path overrideFile = repository.resolve("docker-compose.override.yml");
        Map<String, Object> override = ComposeModel.section(ComposeYaml.read(overrideFile), "services");
        Map<String, ComposeService> services = deployment.rootModel().services();
        List<String> problems = new ArrayList<>();
        override.keySet().stream().filter(s -> !services.containsKey(s)).forEach(s -> problems.add("unknown service " + s));
        ComposeService owm = new ComposeService("openweathermap", ComposeModel.asMap(override.get("openweathermap")), overrideFile);
        if (!owm.environment().getOrDefault("OWM_API_KEY", "").startsWith("${OWM_API_KEY")) {
            problems.add("openweathermap must take OWM_API_KEY from .env");
        }
        assertEquals(List.of(), problems, overrideFile.toString());
    }

    @Test
    void everyInterpolatedVariableIsDocumentedInEnvExampleAndEnvIsIgnored() throws IOException {
        Set<String> interpolated = new TreeSet<>();
        List<Path> files = new ArrayList<>(deployment.standaloneFiles());
        files.add(repository.resolve("docker-compose.override.yml"));
        Pattern variable = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)");
        for (Path file : files) {
            Matcher m = variable.matcher(Files.readString(file));
            while (m.find()) {
                interpolated.add(m.group(1));
            }
        }
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(repository.resolve(".env.example"))) {
            if (line.matches("[A-Z][A-Z0-9_]*=.*")) {
                documented.add(line.substring(0, line.indexOf('=')));
            }
        }
        assertEquals(interpolated, documented, ".env.example must list exactly the variables the compose files interpolate");
        assertTrue(Files.readAllLines(repository.resolve(".gitignore")).contains(".env"), ".env must be git-ignored");
        List<String> ignored = Files.readAllLines(repository.resolve(".dockerignore"));
        for (String entry : List.of(".env", "**/target/", ".git/")) {
            assertTrue(ignored.contains(entry), ".dockerignore must keep " + entry + " out of the build context");
        }
    }

    @Test
    void kafkaImagesMatchTheProjectsKafkaVersion() {
        String expected = "apache/kafka:" + repository.rootProperty("kafka.version");
        List<String> images = new ArrayList<>();
        deployment.runnableModels().forEach(m -> m.services().values().forEach(s -> s.string("image")
                .filter(i -> i.startsWith("apache/kafka:")).ifPresent(images::add)));
        images.add(Dockerfile.read(repository.resolve("kafka/Dockerfile-connect")).finalStage().image());
        assertFalse(images.isEmpty());
        images.forEach(image -> assertEquals(expected, image, "Kafka image tag"));
    }

    @Test
    void thirdPartyImagesArePinned() {
        List<String> unpinned = new ArrayList<>();
        deployment.runnableModels().forEach(m -> m.services().values().stream().filter(s -> deployment.builderOf(s).isEmpty())
                .forEach(s -> {
                    String image = s.string("image").orElse("");
                    if (!image.contains(":") || image.endsWith(":latest")) {
                        unpinned.add(s.where() + ": " + image);
                    }
                }));
        assertEquals(List.of(), unpinned);
    }

}
