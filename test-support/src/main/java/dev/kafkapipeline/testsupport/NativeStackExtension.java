package dev.kafkapipeline.testsupport;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.StackKeeper;
import dev.kafkapipeline.local.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each {@link NativeStackTest} class the build's one shared native
 * stack ({@link StackKeeper}), wiped clean before the class runs: whatever a
 * previous class started, stopped, registered, produced or wrote is gone.
 */
public final class NativeStackExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NativeStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        NativeStack stack = stack(context);
        new StackReset(stack, NativeStackExtension::print).run();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NativeStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static NativeStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(NativeStack.class, key -> attach(), NativeStack.class);
    }

    private static NativeStack attach() {
        Path repository = StackSettings.findRepository();
        StackSettings settings = StackSettings.forTests(EnvConfig.fromEnvironment(), repository, repository.resolve("target/test-stack"));
        return StackKeeper.attach(settings, owner(), NativeStackExtension::print);
    }

    /**
     * The process whose end stops the shared stack: the Maven build that forked
     * this test JVM, so that the stack outlives one module's tests but not the
     * build; this JVM itself when it was not started by Maven (an IDE).
     */
    private static long owner() {
        ProcessHandle self = ProcessHandle.current();
        // Surefire forks through a shell: the Maven JVM is the test JVM's parent or grandparent.
        for (Optional<ProcessHandle> ancestor = self.parent(); ancestor.isPresent(); ancestor = ancestor.get().parent()) {
            if (isMaven(ancestor.get())) {
                return ancestor.get().pid();
            }
        }
        return self.pid();
    }

    private static boolean isMaven(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            String line = Files.isReadable(cmdline) ? Files.readString(cmdline) : process.info().commandLine().orElse("");
            return line.contains("org.codehaus.plexus.classworlds");
        } catch (IOException e) {
            return false;
        }
    }

    private static void print(String line) {
        System.out.println("[native-stack] " + line);
    }
}
