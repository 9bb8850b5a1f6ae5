package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.local.process.ModuleClasspath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service of the project (a producer, the consumers, the live page) run from
 * its module's build output. One without a port counts as ready once it has
 * stayed up for a few seconds, long enough to have failed on bad configuration;
 * one with a port once the port answers.
 */
final class ProjectService implements StackService {
    private static final long SETTLE_MILLIS = 3000;

    private final String name;
    private final String mainClass;
    private final String description;
    private final StackSettings settings;
    private final ModuleClasspath classpath;
    private final Map<String, String> defaults;
    private final String heap;
    private final List<String> jvmOptions;
    private final Integer port;
    private volatile ProcessHandle handle;

    ProjectService(ServiceCatalog.Entry entry, StackSettings settings, ModuleClasspath classpath) {
        this.name = entry.name();
        this.mainClass = entry.mainClass();
        this.description = entry.description();
        this.settings = settings;
        this.classpath = classpath;
        this.defaults = Map.copyOf(entry.defaults());
        this.heap = entry.heap();
        this.jvmOptions = entry.jvmOptions();
        this.port = entry.port() == null ? null : entry.port().applyAsInt(settings.ports());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return port == null ? description : "http://127.0.0.1:" + port + "/";
    }

    @Override
    public Map<Integer, String> ports() {
        return port == null ? Map.of() : Map.of(port, description + " (PIPELINE_" + name.toUpperCase(java.util.Locale.ROOT) + "_PORT)");
    }

    @Override
    public void prepare() {}

    @Override
    public List<String> command(String marker) {
        List<String> options = new java.util.ArrayList<>(List.of("-XX:+UseSerialGC"));
        options.addAll(jvmOptions);
        return JvmCommand.of(marker, heap, options, classpath, mainClass, List.of());
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
        if (port != null) {
            return Ports.accepts(port);
        }
        return current.info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis() >= SETTLE_MILLIS)
                .orElse(true);
    }
}
