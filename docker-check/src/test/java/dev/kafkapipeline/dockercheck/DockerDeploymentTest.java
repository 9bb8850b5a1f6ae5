package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Checks the Docker deployment without a Docker engine: every compose file and
 * Dockerfile against the repository and against what the Java services read.
 */
class DockerDeploymentTest {

    /** Service folder -> its Dockerfile's name. */
    static final Map<String, String> SERVICE_FOLDERS = orderedMap(
            "cassandra", "Dockerfile",
            "kafka", "Dockerfile-connect",
            "faker-producer", "Dockerfile",
            "owm-producer", "Dockerfile",
            "f1-producer", "Dockerfile",
            "consumers", "Dockerfile",
            "data-vis", "Dockerfile");

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
            "consumers", "dev.kafkapipeline.consumers.ConsumersMain");

    /** Variables holding comma-separated host:port lists, and URLs. */
    static final Set<String> ADDRESS_LISTS = Set.of("KAFKA_BROKER_URL", "CONNECT_BOOTSTRAP_SERVERS", "KAFKA_BOOTSTRAP",
            "KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", "KAFKA_CLUSTERS_0_KAFKACONNECT_0_ADDRESS");

    static final Set<String> FIXED_NETWORKS = Set.of("kafka-network", "cassandra-network");

    final Repository repository = Repository.locate();

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

    @Test
    void everyServiceFolderHasItsDockerfileAndComposeFile() {
        List<String> missing = new ArrayList<>();
        SERVICE_FOLDERS.forEach((folder, dockerfile) -> {
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
        List<Path> included = ComposeModel.includeEntries(rootFile()).stream().map(e -> e.get(0)).toList();
        assertEquals(new TreeSet<>(serviceFiles()), new TreeSet<>(included),
                "the root docker-compose.yml must include each service folder's file exactly once");
        assertEquals(List.of(), rootModel().conflicts(), "what Compose would reject while resolving the includes");
    }

    @Test
    void includeOverlaysOnlyAddStartOrder() {
        List<String> problems = new ArrayList<>();
        for (List<Path> entry : ComposeModel.includeEntries(rootFile())) {
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
        Map<String, ComposeService> services = rootModel().services();
        Map<String, String> actual = new LinkedHashMap<>();
        CONTAINER_NAMES.keySet().forEach(s -> actual.put(s,
                services.containsKey(s) ? services.get(s).string("container_name").orElse("(none)") : "(no such service)"));
        assertEquals(CONTAINER_NAMES, actual);
    }

    @TestFactory
    Stream<DynamicTest> buildContextsDockerfilesAndCopiedFilesExist() {
        return allServices().filter(s -> s.buildContext().isPresent())
                .map(s -> DynamicTest.dynamicTest(s.where(), () -> checkBuild(s)));
    }

    private void checkBuild(ComposeService service) {
        Path context = service.buildContext().orElseThrow();
        assertEquals(repository.root(), context, service.where() + ": the build context must be the repository root");
        Path dockerfilePath = service.dockerfile().orElseThrow();
        assertTrue(Files.isRegularFile(dockerfilePath), service.where() + ": no Dockerfile " + dockerfilePath);
        Dockerfile dockerfile = Dockerfile.read(dockerfilePath);
        List<String> pending = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Dockerfile.Copy copy : dockerfile.copies()) {
            if (copy.fromStage()) {
                continue;
            }
            for (String source : copy.sources()) {
                if (source.startsWith("http://") || source.startsWith("https://") || source.equals(".")) {
                    continue;
                }
                if (!Files.exists(context.resolve(source))) {
                    String folder = moduleFolderOf(source);
                    (folder != null && !repository.moduleExists(folder) ? pending : missing)
                            .add(copy.keyword() + " " + source);
                }
            }
        }
        assertEquals(List.of(), missing, dockerfilePath + ": sources that do not exist in the build context");
        for (String module : ServiceCode.builtModules(dockerfile)) {
            if (!repository.moduleExists(module)) {
                pending.add("module " + module);
            } else {
                assertTrue(repository.moduleFolders().contains(module),
                        dockerfilePath + " builds -pl " + module + ", which the root pom does not list");
            }
        }
        Assumptions.assumeTrue(pending.isEmpty(), () -> report(dockerfilePath + ": not checked yet, " + pending
                + " belong to modules not on this branch yet"));
    }

    @TestFactory
    Stream<DynamicTest> boundHostFilesExist() {
        return allServices().filter(s -> s.bindSources().size() > 0)
                .map(s -> DynamicTest.dynamicTest(s.where(), () -> {
                    List<String> pending = new ArrayList<>();
                    List<String> missing = new ArrayList<>();
                    for (Path source : s.bindSources()) {
                        if (!Files.exists(source)) {
                            String folder = moduleFolderOf(repository.relativize(source));
                            (folder != null && !repository.moduleExists(folder) ? pending : missing)
                                    .add(repository.relativize(source));
                        }
                    }
                    assertEquals(List.of(), missing, s.where() + ": bind-mounted host paths that do not exist"
                            + " (Docker would create empty folders in their place)");
                    Assumptions.assumeTrue(pending.isEmpty(), () -> report(s.where() + ": mounts " + pending
                            + " of modules not on this branch yet"));
                }));
    }

    /** The module folder a path lies in, for paths inside a module that may not exist yet. */
    private String moduleFolderOf(String source) {
        return expectedModules().stream().filter(m -> source.startsWith(m + "/"))
                .max((a, b) -> Integer.compare(a.length(), b.length())).orElse(null);
    }

    @TestFactory
    Stream<DynamicTest> javaServiceImagesAreMultiStageNonRootAndRunTheModule() {
        return MAIN_CLASSES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Dockerfile dockerfile = Dockerfile.read(repository.resolve(e.getKey() + "/Dockerfile"));
            checkJavaImage(dockerfile, "eclipse-temurin:17-jre");
            Dockerfile.Stage runtime = dockerfile.finalStage();
            String entrypoint = runtime.last("ENTRYPOINT").map(Dockerfile.Instruction::arguments).orElse("");
            assertTrue(entrypoint.contains(e.getValue()), dockerfile.file() + ": ENTRYPOINT must run " + e.getValue());
            assertEquals(List.of(e.getKey()), ServiceCode.builtModules(dockerfile), dockerfile.file() + ": -pl");
            Assumptions.assumeTrue(repository.moduleExists(e.getKey()),
                    () -> report(e.getKey() + " is not on this branch yet: its main class is not checked"));
            Path main = repository.resolve(e.getKey() + "/src/main/java/" + e.getValue().replace('.', '/') + ".java");
            assertTrue(Files.isRegularFile(main), dockerfile.file() + " runs " + e.getValue() + ", but there is no " + main);
        }));
    }

    @Test
    void dataVisImageIsMultiStageNonRootAndStartsTheProjectsKernel() throws IOException {
        Path file = repository.resolve("data-vis/Dockerfile");
        checkJavaImage(Dockerfile.read(file), "eclipse-temurin:17-jdk");
        Matcher kernel = Pattern.compile("dev\\.kafkapipeline\\.[\\w.]+Main").matcher(Files.readString(file));
        assertTrue(kernel.find(), file + " names no kernel main class");
        Assumptions.assumeTrue(repository.moduleExists("data-vis/kernel"),
                () -> report("data-vis/kernel is not on this branch yet: the kernel main class is not checked"));
        Path main = repository.resolve("data-vis/kernel/src/main/java/" + kernel.group().replace('.', '/') + ".java");
        assertTrue(Files.isRegularFile(main), file + " starts " + kernel.group() + ", but there is no " + main);
    }

    private static void checkJavaImage(Dockerfile dockerfile, String runtimeImage) {
        assertEquals(2, dockerfile.stages().size(), dockerfile.file() + ": a build stage and a runtime stage");
        Dockerfile.Stage build = dockerfile.stages().get(0);
        Dockerfile.Stage runtime = dockerfile.finalStage();
        assertEquals("maven:3.9-eclipse-temurin-17", build.image(), dockerfile.file() + ": build stage image");
        assertEquals(runtimeImage, runtime.image(), dockerfile.file() + ": runtime stage image");
        String user = runtime.last("USER").map(Dockerfile.Instruction::arguments).orElse("root");
        assertFalse(user.equals("root") || user.equals("0"), dockerfile.file() + ": the runtime stage must not run as root");
        List<String> fromContext = runtime.instructions().stream()
                .filter(i -> i.keyword().equals("COPY") || i.keyword().equals("ADD"))
                .map(Dockerfile::copy).filter(c -> !c.fromStage())
                .flatMap(c -> c.sources().stream()).filter(source -> !source.startsWith("https://")).toList();
        assertEquals(List.of(), fromContext,
                dockerfile.file() + ": the runtime stage takes only the build stage's jar and lib/, nothing from the sources");
    }

    @TestFactory
    Stream<DynamicTest> everyVariableSetIsOneTheServiceReads() {
        return allServices().filter(s -> !s.environment().isEmpty())
                .map(s -> DynamicTest.dynamicTest(s.where(), () -> {
                    ServiceCode code = ServiceCode.of(s, repository);
                    Assumptions.assumeTrue(code.skipReason().isEmpty(),
                            () -> report(s.where() + ": variables not checked, " + code.skipReason().orElseThrow()));
                    assertEquals(List.of(), EnvNames.unread(s.environment().keySet(), code.readNames()),
                            s.where() + " sets variables that nothing reads (read by " + code.origins() + ")");
                }));
    }

    @Test
    void publishedPortsAreTheDocumentedOnesAndMatchTheJavaDefaults() {
        int cassandraPort = javaDefault("cassandra/client", "CassandraSettings.java", "\"CASSANDRA_PORT\",\\s*(\\d+)");
        int kafkaPort = javaDefault("common", "KafkaSettings.java", "DEFAULT_BROKER_URL\\s*=\\s*\"[^\"]*:(\\d+)\"");
        Map<String, Integer> expected = orderedMap(
                "cassandradb", cassandraPort, "broker", kafkaPort, "kafka-connect", 8083, "kafka-ui", 9000, "datavis", 8888);
        Map<String, Integer> published = new LinkedHashMap<>();
        rootModel().services().values().forEach(s -> s.ports().forEach(p -> published.put(s.name(), p.published())));
        assertEquals(expected, published, "host ports published by the service files");
    }

    @Test
    void brokerAdvertisesNamesItsClientsCanReach() {
        ComposeService broker = rootModel().services().get("broker");
        Map<String, String> env = broker.environment();
        Map<String, Integer> listenerPorts = listenerPorts(env.get("KAFKA_LISTENERS"));
        for (String advertised : env.get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            Matcher m = Pattern.compile("(\\w+)://([^:]+):(\\d+)").matcher(advertised.strip());
            assertTrue(m.matches(), "advertised listener " + advertised);
            String listener = m.group(1);
            String host = m.group(2);
            int port = Integer.parseInt(m.group(3));
            assertTrue(listenerPorts.containsKey(listener), "advertised listener " + listener + " is not in KAFKA_LISTENERS");
            if (host.equals("localhost")) {
                assertTrue(broker.ports().stream().anyMatch(p -> p.published() == port && p.target() == listenerPorts.get(listener)),
                        "the host reaches localhost:" + port + " only if it is published to listener " + listener
                                + " (port " + listenerPorts.get(listener) + ")");
            } else {
                assertTrue(broker.hostNames().contains(host), "broker advertises " + host + ", not one of its names");
                assertEquals(port, (int) listenerPorts.get(listener), "advertised port of " + listener);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> addressesPointAtServicesOnASharedNetwork() {
        return Stream.of(rootModel(), clusterModel()).flatMap(model -> model.services().values().stream()
                .map(s -> DynamicTest.dynamicTest(s.where(), () -> checkAddresses(model, s))));
    }

    private void checkAddresses(ComposeModel model, ComposeService client) {
        int cassandraDefaultPort = javaDefault("cassandra/client", "CassandraSettings.java", "\"CASSANDRA_PORT\",\\s*(\\d+)");
        Map<String, String> env = client.environment();
        List<String> addresses = new ArrayList<>();
        env.forEach((name, value) -> {
            if (ADDRESS_LISTS.contains(name)) {
                for (String item : value.split(",")) {
                    addresses.add(item.strip().replaceFirst("^\\w+://", "").replaceFirst("/.*$", ""));
                }
            }
        });
        if (env.containsKey("CASSANDRA_HOST")) {
            addresses.add(env.get("CASSANDRA_HOST") + ":" + env.getOrDefault("CASSANDRA_PORT", String.valueOf(cassandraDefaultPort)));
        }
        List<String> problems = new ArrayList<>();
        for (String address : addresses) {
            String host = address.substring(0, address.lastIndexOf(':'));
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            ComposeService server = model.services().values().stream().filter(s -> s.hostNames().contains(host))
                    .findFirst().orElse(null);
            if (server == null) {
                problems.add(address + ": no service called " + host);
            } else if (server.networks().stream().noneMatch(client.networks()::contains)) {
                problems.add(address + ": " + server.name() + " shares no network with " + client.name());
            } else if (!listeningPorts(server).contains(port)) {
                problems.add(address + ": " + server.name() + " listens on " + listeningPorts(server));
            }
        }
        assertEquals(List.of(), problems, client.where());
    }

    /** The ports a service listens on inside its network. */
    private Set<Integer> listeningPorts(ComposeService service) {
        Map<String, String> env = service.environment();
        Set<Integer> ports = new TreeSet<>(listenerPorts(env.get("KAFKA_LISTENERS")).values());
        for (String single : List.of("CONNECT_REST_PORT", "SERVER_PORT")) {
            if (env.containsKey(single)) {
                ports.add(Integer.parseInt(env.get(single)));
            }
        }
        service.ports().forEach(p -> ports.add(p.target()));
        boolean cassandra = service.dockerfile().map(d -> Dockerfile.read(d).finalStage().image().startsWith("cassandra:"))
                .orElse(service.string("image").orElse("").startsWith("cassandra:"));
        if (cassandra && service.string("entrypoint").isEmpty()) {
            ports.add(9042);
        }
        return ports;
    }

    private static Map<String, Integer> listenerPorts(String listeners) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (listeners != null) {
            Matcher m = Pattern.compile("(\\w+)://[^:,]*:(\\d+)").matcher(listeners);
            while (m.find()) {
                ports.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return ports;
    }

    @TestFactory
    Stream<DynamicTest> networksAreDeclaredWithFixedNames() {
        return standaloneFiles().stream().map(file -> DynamicTest.dynamicTest(repository.relativize(file), () -> {
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
                    } else if (!cluster && !(FIXED_NETWORKS.contains(network) && network.equals(name))) {
                        problems.add(network + " must be one of " + FIXED_NETWORKS + " under its own name, is " + name);
                    }
                }
            }
            assertEquals(List.of(), problems, repository.relativize(file));
        }));
    }

    @TestFactory
    Stream<DynamicTest> startOrderIsDeclaredAndHealthChecksExistWhereItWaitsForThem() {
        return runnableModels().stream().map(model -> DynamicTest.dynamicTest(model.description(), () -> {
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

    @Test
    void wholePipelineStartsInOrder() {
        Map<String, ComposeService> services = rootModel().services();
        Map<String, Map<String, String>> required = orderedMap(
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

    @Test
    void overrideBindsEveryPublishedPortToLoopbackAndTakesSecretsFromEnv() {
        Path overrideFile = repository.resolve("docker-compose.override.yml");
        Map<String, Object> override = ComposeModel.section(ComposeYaml.read(overrideFile), "services");
        Map<String, ComposeService> services = rootModel().services();
        List<String> problems = new ArrayList<>();
        override.keySet().stream().filter(s -> !services.containsKey(s)).forEach(s -> problems.add("unknown service " + s));
        for (ComposeService service : services.values()) {
            if (service.ports().isEmpty()) {
                continue;
            }
            ComposeService local = new ComposeService(service.name(), ComposeModel.asMap(override.get(service.name())), overrideFile);
            List<PortMapping> expected = service.ports().stream()
                    .map(p -> new PortMapping("127.0.0.1", p.published(), p.target())).toList();
            if (!expected.equals(local.ports())) {
                problems.add(service.name() + " ports " + local.ports() + ", expected " + expected);
            }
            if (!"!override".equals(tagOf(overrideFile, service.name(), "ports"))) {
                problems.add(service.name() + " ports must be tagged !override, or Compose adds them to the file's own");
            }
        }
        ComposeService owm = new ComposeService("openweathermap", ComposeModel.asMap(override.get("openweathermap")), overrideFile);
        if (!owm.environment().getOrDefault("OWM_API_KEY", "").startsWith("${OWM_API_KEY")) {
            problems.add("openweathermap must take OWM_API_KEY from .env");
        }
        assertEquals(List.of(), problems, overrideFile.toString());
    }

    private static String tagOf(Path file, String service, String key) {
        Node services = value((MappingNode) ComposeYaml.node(file), "services");
        Node definition = value((MappingNode) services, service);
        Node node = definition == null ? null : value((MappingNode) definition, key);
        return node == null ? null : node.getTag().getValue();
    }

    private static Node value(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    @Test
    void everyInterpolatedVariableIsDocumentedInEnvExampleAndEnvIsIgnored() throws IOException {
        Set<String> interpolated = new TreeSet<>();
        List<Path> files = new ArrayList<>(standaloneFiles());
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
        runnableModels().forEach(m -> m.services().values().forEach(s -> s.string("image")
                .filter(i -> i.startsWith("apache/kafka:")).ifPresent(images::add)));
        images.add(Dockerfile.read(repository.resolve("kafka/Dockerfile-connect")).finalStage().image());
        assertFalse(images.isEmpty());
        images.forEach(image -> assertEquals(expected, image, "Kafka image tag"));
    }

    @Test
    void thirdPartyImagesArePinned() {
        List<String> unpinned = new ArrayList<>();
        runnableModels().forEach(m -> m.services().values().stream().filter(s -> s.buildContext().isEmpty())
                .forEach(s -> {
                    String image = s.string("image").orElse("");
                    if (!image.contains(":") || image.endsWith(":latest")) {
                        unpinned.add(s.where() + ": " + image);
                    }
                }));
        assertEquals(List.of(), unpinned);
    }

    private int javaDefault(String module, String fileName, String regex) {
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
    private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
