package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Include resolution as Compose does it, on files made here. */
class ComposeModelTest {

    @TempDir
    Path root;

    @Test
    void anOverlayAddsStartOrderToTheServiceItIsMergedWith() throws IOException {
        write("a/docker-compose.yml", """
                services:
                  app:
                    image: app:1
                    ports: !override
                      - "127.0.0.1:80:8080"
                    depends_on:
                      db: {condition: service_healthy}
                """);
        write("a/depends.yml", "services:\n  app:\n    depends_on:\n      init: {condition: service_completed_successfully}\n");
        Path rootFile = write("docker-compose.yml", "include:\n  - path: [a/docker-compose.yml, a/depends.yml]\n");

        ComposeModel model = ComposeModel.ofRoot(rootFile);

        ComposeService app = model.services().get("app");
        assertEquals(Map.of("db", "service_healthy", "init", "service_completed_successfully"), app.dependsOn());
        assertEquals(List.of(new PortMapping("127.0.0.1", 80, 8080)), app.ports());
        assertEquals(root.resolve("a/docker-compose.yml"), app.file());
        assertEquals(List.of(), model.conflicts());
    }

    @Test
    void aNetworkDeclaredDifferentlyInTwoIncludedFilesIsAConflict() throws IOException {
        write("a/docker-compose.yml", "services:\n  a: {image: a:1}\nnetworks:\n  shared: {name: shared}\n");
        write("b/docker-compose.yml", "services:\n  b: {image: b:1}\nnetworks:\n  shared: {name: other}\n");
        write("c/docker-compose.yml", "services:\n  a: {image: c:1}\nnetworks:\n  shared: {name: shared}\n");
        Path rootFile = write("docker-compose.yml",
                "include:\n  - a/docker-compose.yml\n  - b/docker-compose.yml\n  - c/docker-compose.yml\n");

        List<String> conflicts = ComposeModel.ofRoot(rootFile).conflicts();

        assertEquals(2, conflicts.size(), conflicts.toString());
        assertEquals(true, conflicts.get(0).startsWith("network shared in "), conflicts.get(0));
        assertEquals(true, conflicts.get(1).startsWith("service a is defined in "), conflicts.get(1));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
