package dev.kafkapipeline.local.junit;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.local.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the native stack on first use and stops it when the test run ends
 * (the root context closes its store), or when the JVM is told to stop.
 */
public final class NativeStackExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NativeStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
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
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningStack.class, key -> RunningStack.start(), RunningStack.class)
                .stack();
    }

    /** The stack of this test JVM; JUnit closes it after the last test. */
    private record RunningStack(NativeStack stack, Thread stopOnExit) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static RunningStack start() {
            StackSettings settings = StackSettings.forTests(EnvConfig.fromEnvironment(), StackSettings.findRepository(), Path.of("").toAbsolutePath());
            deleteRecursively(settings.home());
            NativeStack stack = NativeStack.of(settings, line -> System.out.println("[native-stack] " + line));
            Thread stopOnExit = new Thread(stack::down, "native-stack-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            stack.up();
            return new RunningStack(stack, stopOnExit);
        }

        @Override
        public void close() {
            stack.down();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run; nothing left to remove
            }
        }

        private static void deleteRecursively(Path home) {
            if (!Files.exists(home)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(home)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear the test stack's folder " + home, e);
            }
        }
    }
}
