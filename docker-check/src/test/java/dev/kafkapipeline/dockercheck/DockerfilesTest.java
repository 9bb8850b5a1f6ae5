package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
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

/**
 * Every image's build: contexts, Dockerfiles, copied and mounted files exist;
 * Java images are multi-stage, non-root and run their module's main class.
 * Files of modules not on this branch yet are reported and skipped.
 */
class DockerfilesTest {

    private final Deployment deployment = new Deployment(Repository.locate());
    private final Repository repository = deployment.repository();

    @TestFactory
    Stream<DynamicTest> buildContextsDockerfilesAndCopiedFilesExist() {
        return deployment.allServices().filter(s -> s.buildContext().isPresent())
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
                    String folder = deployment.moduleFolderOf(source);
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
        Assumptions.assumeTrue(pending.isEmpty(), () -> Deployment.report(dockerfilePath + ": not checked yet, " + pending
                + " belong to modules not on this branch yet"));
    }

    /**
     * Compose builds several images at once; Maven's own locking coordinates the
     * threads of one JVM only, so two builds sharing a cache mount can read each
     * other's half-written artifacts. A locked cache mount serialises them.
     */
    @TestFactory
    Stream<DynamicTest> everyCacheMountIsLocked() {
        return deployment.allDockerfiles().stream().map(file -> DynamicTest.dynamicTest(repository.relativize(file), () -> {
            List<String> unlocked = new ArrayList<>();
            for (Dockerfile.Stage stage : Dockerfile.read(file).stages()) {
                for (Dockerfile.Instruction run : stage.all("RUN")) {
                    Matcher mount = Pattern.compile("--mount=(\\S+)").matcher(run.arguments());
                    while (mount.find()) {
                        List<String> options = List.of(mount.group(1).split(","));
                        if (options.contains("type=cache") && !options.contains("sharing=locked")) {
                            unlocked.add(mount.group());
                        }
                    }
                }
            }
            assertEquals(List.of(), unlocked, file + ": cache mounts without sharing=locked");
        }));
    }

    /**
     * A script checked out with CRLF (git on Windows, without a rule) fails at its
     * shebang inside the image. Every file copied from the build context into an
     * image must be kept as committed: eol=lf, or -text for files whose bytes
     * matter as they are. (COPY . . gives the build stage the sources, which only
     * Maven reads.)
     */
    @Test
    void everyFileCopiedIntoAnImageKeepsItsLineEnds() throws IOException {
        Set<String> copied = new TreeSet<>();
        for (Path file : deployment.allDockerfiles()) {
            for (Dockerfile.Copy copy : Dockerfile.read(file).copies()) {
                if (copy.fromStage()) {
                    continue;
                }
                for (String source : copy.sources()) {
                    Path path = repository.resolve(source);
                    if (source.equals(".") || source.startsWith("http://") || source.startsWith("https://") || !Files.exists(path)) {
                        continue;
                    }
                    try (Stream<Path> files = Files.walk(path)) {
                        files.filter(Files::isRegularFile).forEach(f -> copied.add(repository.relativize(f)));
                    }
                }
            }
        }
        assertFalse(copied.isEmpty(), "no file is copied into an image: this check reads the Dockerfiles wrongly");
        Map<String, Map<String, String>> attributes = GitAttributes.of(repository.root(), List.copyOf(copied), "text", "eol")
                .orElse(null);
        Assumptions.assumeTrue(attributes != null, () -> Deployment.report(
                "git or its work tree is missing: the line-end rules of the files copied into images are not checked"));
        List<String> unprotected = copied.stream().filter(f -> {
            Map<String, String> a = attributes.getOrDefault(f, Map.of());
            return !("lf".equals(a.get("eol")) || "unset".equals(a.get("text")));
        }).toList();
        assertEquals(List.of(), unprotected, "files copied into images that a Windows checkout may turn to CRLF: "
                + "give them eol=lf in .gitattributes");
    }

    /** A file .dockerignore keeps out of the build context makes its COPY fail; every copied file must stay in. */
    @Test
    void nothingCopiedIntoAnImageIsDockerIgnored() throws IOException {
        List<PathMatcher> ignored = new ArrayList<>();
        for (String line : Files.readAllLines(repository.resolve(".dockerignore"))) {
            String pattern = line.strip().replaceAll("^/|/$", "");
            if (pattern.isEmpty() || pattern.startsWith("#") || pattern.startsWith("!")) {
                continue;
            }
            ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            if (pattern.startsWith("**/")) {
                // Docker's ** also matches no folder at all.
                ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
            }
        }
        List<String> excluded = new ArrayList<>();
        for (Path file : deployment.allDockerfiles()) {
            for (Dockerfile.Copy copy : Dockerfile.read(file).copies()) {
                for (String source : copy.sources()) {
                    Path path = repository.resolve(source);
                    if (copy.fromStage() || source.equals(".") || source.startsWith("https://") || !Files.exists(path)) {
                        continue;
                    }
                    try (Stream<Path> files = Files.walk(path)) {
                        for (Path copied : files.toList()) {
                            // A pattern that matches a folder leaves out everything in it.
                            for (Path prefix = repository.root().relativize(copied); prefix != null; prefix = prefix.getParent()) {
                                Path candidate = prefix;
                                if (ignored.stream().anyMatch(m -> m.matches(candidate))) {
                                    excluded.add(repository.relativize(file) + ": " + copy.keyword() + " " + source
                                            + " (" + repository.root().relativize(copied) + ")");
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), excluded, ".dockerignore leaves out what these Dockerfiles copy");
    }

    /**
     * A token or password on a command line is shown by ps to every user of the
     * machine (and by docker inspect): images and compose files pass them by
     * environment (JUPYTER_TOKEN) instead.
     */
    @Test
    void noSecretIsOnACommandLine() {
        Pattern secret = Pattern.compile("(?i)--[\\w.-]*(token|password|secret|api_?key)[\\w.-]*=");
        List<String> found = new ArrayList<>();
        for (Path file : deployment.allDockerfiles()) {
            for (Dockerfile.Stage stage : Dockerfile.read(file).stages()) {
                for (String keyword : List.of("CMD", "ENTRYPOINT")) {
                    for (Dockerfile.Instruction i : stage.all(keyword)) {
                        Matcher m = secret.matcher(i.arguments());
                        if (m.find()) {
                            found.add(repository.relativize(file) + ": " + keyword + " " + m.group());
                        }
                    }
                }
            }
        }
        deployment.allServices().forEach(s -> {
            for (String key : List.of("command", "entrypoint")) {
                s.string(key).map(secret::matcher).filter(Matcher::find).ifPresent(m -> found.add(s.where() + ": " + key + " " + m.group()));
            }
        });
        // Only the option names are reported, never their values.
        assertEquals(List.of(), found, "secrets passed on command lines");
    }

    @TestFactory
    Stream<DynamicTest> boundHostFilesExist() {
        return deployment.allServices().filter(s -> s.bindSources().size() > 0)
                .map(s -> DynamicTest.dynamicTest(s.where(), () -> {
                    List<String> pending = new ArrayList<>();
                    List<String> missing = new ArrayList<>();
                    for (Path source : s.bindSources()) {
                        if (!Files.exists(source)) {
                            String folder = deployment.moduleFolderOf(repository.relativize(source));
                            (folder != null && !repository.moduleExists(folder) ? pending : missing)
                                    .add(repository.relativize(source));
                        }
                    }
                    assertEquals(List.of(), missing, s.where() + ": bind-mounted host paths that do not exist"
                            + " (Docker would create empty folders in their place)");
                    Assumptions.assumeTrue(pending.isEmpty(), () -> Deployment.report(s.where() + ": mounts " + pending
                            + " of modules not on this branch yet"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> javaServiceImagesAreMultiStageNonRootAndRunTheModule() {
        return Deployment.MAIN_CLASSES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Dockerfile dockerfile = Dockerfile.read(repository.resolve(e.getKey() + "/Dockerfile"));
            checkJavaImage(dockerfile, "eclipse-temurin:17-jre");
            Dockerfile.Stage runtime = dockerfile.finalStage();
            String entrypoint = runtime.last("ENTRYPOINT").map(Dockerfile.Instruction::arguments).orElse("");
            assertTrue(entrypoint.contains(e.getValue()), dockerfile.file() + ": ENTRYPOINT must run " + e.getValue());
            assertEquals(List.of(e.getKey()), ServiceCode.builtModules(dockerfile), dockerfile.file() + ": -pl");
            Assumptions.assumeTrue(repository.moduleExists(e.getKey()),
                    () -> Deployment.report(e.getKey() + " is not on this branch yet: its main class is not checked"));
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
                () -> Deployment.report("data-vis/kernel is not on this branch yet: the kernel main class is not checked"));
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
        List<String> sources = runtime.instructions().stream()
                .filter(i -> i.keyword().equals("COPY") || i.keyword().equals("ADD"))
                .map(Dockerfile::copy).filter(c -> !c.fromStage())
                .flatMap(c -> c.sources().stream())
                .filter(source -> source.equals(".") || source.startsWith("src/") || source.contains("/src/") || source.endsWith("pom.xml"))
                .toList();
        assertEquals(List.of(), sources, dockerfile.file()
                + ": the runtime stage takes the build stage's jar and lib/, never the sources (data files it may copy)");
    }

}
