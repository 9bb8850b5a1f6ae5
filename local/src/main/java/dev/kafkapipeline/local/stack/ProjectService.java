package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.local.process.ModuleClasspath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service of the project (a producer or the consumers) run from its module's
 * build output. It has no port: it counts as ready once it has stayed up for a
 * few seconds, long enough to have failed on bad configuration.
 */
final class ProjectService implements StackService {
    private static final long SETTLE_MILLIS = 3000;

    private final String name;
    private final String mainClass;
    private final String description;
    private final StackSettings settings;
    private final ModuleClasspath classpath;
    private final Map<String, String> defaults;
    private volatile ProcessHandle handle;

    ProjectService(String name, String mainClass, String description, StackSettings settings, ModuleClasspath classpath,
                   Map<String, String> defaults) {
        this.name = name;
        this.mainClass = mainClass;
        this.description = description;
        this.settings = settings;
        this.classpath = classpath;
        this.defaults = Map.copyOf(defaults);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return description;
    }

    @Override
    public Map<Integer, String> ports() {
        return Map.of();
    }

    @Override
    public void prepare() {}

    @Override
    public List<String> command(String marker) {
        return JvmCommand.of(marker, "256m", List.of("-XX:+UseSerialGC"), classpath, mainClass, List.of());
    }

    /** The defaults of this service, then the user's environment, then the stack's addresses (which must win). */
    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(defaults);
        defaults.keySet().forEach(key -> {
            String own = settings.env().raw(key);
            if (own != null) {
                env.put(key, own);
            }
        });
        env.putAll(StackClients.environment(settings));
        return env;
    }

    void started(ProcessHandle handle) {
        this.handle = handle;
    }

    @Override
    public boolean isReady() {
        ProcessHandle current = handle;
        if (current == null || !current.isAlive()) {
            return false;
        }
        return current.info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis() >= SETTLE_MILLIS)
                .orElse(true);
    }
}
