package dev.kafkapipeline.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the real native stack (Cassandra, Kafka, Connect),
 * started once per test JVM and shared by every class that carries this
 * annotation; test methods and lifecycle methods may take a
 * {@link dev.kafkapipeline.local.stack.NativeStack} parameter.
 *
 * <p>Ports are the usual ones plus PIPELINE_TEST_PORT_OFFSET (default 10000),
 * state lives in the module's target/native-stack and starts empty.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NativeStackExtension.class)
public @interface NativeStackTest {}
