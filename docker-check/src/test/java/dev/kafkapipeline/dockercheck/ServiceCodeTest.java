package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The variable check on a small repository made here, so a misspelling is shown to fail it. */
class ServiceCodeTest {

    @TempDir
    Path root;

    private ComposeService serviceSetting(String variable) throws IOException {
        write("mvnw", "");
        write("docker-compose.yml", "include: []\n");
        write("pom.xml", pom("kafka-pipeline", "<modules><module>common</module><module>svc</module></modules>", ""));
        write("common/pom.xml", pom("common", "", ""));
        write("common/src/main/java/Settings.java",
                "class Settings { static final String BROKER = \"KAFKA_BROKER_URL\"; }\n");
        write("svc/pom.xml", pom("svc", "", "<dependencies><dependency><groupId>dev.kafkapipeline</groupId>"
                + "<artifactId>common</artifactId></dependency></dependencies>"));
        write("svc/src/main/java/Main.java", "class Main { String topic = env.string(\"TOPIC_NAME\", \"faker\"); }\n");
        write("svc/start.sh", "#!/bin/sh\nexec java -Dwait=${WAIT_SECONDS:-5} Main\n");
        write("svc/Dockerfile", """
                FROM maven:3.9-eclipse-temurin-17 AS build
                COPY . .
                RUN mvn -B -pl svc -am package
                FROM eclipse-temurin:17-jre
                COPY svc/start.sh /start.sh
                """);
        Path compose = write("svc/docker-compose.yml", """
                services:
                  svc:
                    build: {context: .., dockerfile: svc/Dockerfile}
                    environment:
                      TOPIC_NAME: faker
                      WAIT_SECONDS: 3
                      %s: broker:9092
                """.formatted(variable));
        return ComposeModel.ofFile(compose).services().get("svc");
    }

    @Test
    void namesReadByTheModuleItsDependenciesAndItsScriptsPass() throws IOException {
        ComposeService service = serviceSetting("KAFKA_BROKER_URL");
        ServiceCode code = ServiceCode.of(service, Optional.of(service), new Repository(root));

        assertTrue(code.skipReason().isEmpty());
        assertEquals(List.of(), EnvNames.unread(service.environment().keySet(), code.readNames()));
    }

    @Test
    void aMisspelledNameIsReported() throws IOException {
        ComposeService service = serviceSetting("KAFKA_BROKER_ULR");
        ServiceCode code = ServiceCode.of(service, Optional.of(service), new Repository(root));

        assertEquals(List.of("KAFKA_BROKER_ULR"), EnvNames.unread(service.environment().keySet(), code.readNames()));
    }

    @Test
    void aModuleNotYetOnTheBranchIsSkippedWithItsReason() throws IOException {
        ComposeService service = serviceSetting("KAFKA_BROKER_URL");
        Files.delete(root.resolve("svc/pom.xml"));

        assertEquals("module svc is not on this branch yet", ServiceCode.of(service, Optional.of(service), new Repository(root)).skipReason().orElseThrow());
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String pom(String artifactId, String modules, String dependencies) {
        return "<project><groupId>dev.kafkapipeline</groupId><artifactId>" + artifactId + "</artifactId>"
                + modules + dependencies + "</project>";
    }
}
