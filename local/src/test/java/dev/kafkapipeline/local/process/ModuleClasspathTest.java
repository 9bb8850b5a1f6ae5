package dev.kafkapipeline.local.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleClasspathTest {
    @Test
    void anUnbuiltModuleHasNoClasspath(@TempDir Path module) {
        assertTrue(ModuleClasspath.of(module).isEmpty());
    }

    @Test
    void classesComeFirstThenTheExportedJarsAndVersionsAreReadFromJarNames(@TempDir Path module) throws Exception {
        Files.createDirectories(module.resolve("target/classes"));
        Files.writeString(module.resolve("target/classpath.txt"),
                "/m2/org/apache/cassandra/cassandra-all/5.0.6/cassandra-all-5.0.6.jar:/m2/x/kafka_2.13-4.4.0.jar\n");
        ModuleClasspath classpath = ModuleClasspath.of(module).orElseThrow();
        assertTrue(classpath.classpath().startsWith(module.resolve("target/classes") + ":"));
        assertEquals(Optional.of("5.0.6"), classpath.versionOf("cassandra-all"));
        assertEquals(Optional.of("4.4.0"), classpath.versionOf("kafka_2.13"));
        assertEquals(Optional.empty(), classpath.versionOf("connect-runtime"));
    }
}
