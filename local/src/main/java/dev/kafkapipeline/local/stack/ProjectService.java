package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.common.service.OutcomeFile;
import dev.kafkapipeline.local.process.ModuleClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service of the project (a producer, the consumers, the live page) run from
 * its module's build output. One without a port counts as ready once it has
 * stayed up for a few seconds, long enough to have failed on bad configuration;
 * one with a port once the port answers. It is told where to write how its run
 * ended (PIPELINE_OUTCOME_FILE, see {@link ServiceOutcome}).
 */
final class ProjectService implements StackService {
    private static final long SETTLE_MILLIS = 3000;

    private final ServiceCatalog.Entry entry;
    private final String name;
    private final StackSettings settings;
    private final ModuleClasspath classpath;
    private final Integer port;
    private volatile ProcessHandle handle;

    ProjectService(ServiceCatalog.Entry entry, StackSettings settings, ModuleClasspath classpath) {
        this(entry, entry.name(), settings, classpath);
    }

    /** @param name the entry's name, or a member's ({@code consumers-2}) where the stack runs several of it in one consumer group */
    ProjectService(ServiceCatalog.Entry entry, String name, StackSettings settings, ModuleClasspath classpath) {
        this.entry = entry;
        this.name = name;
        this.settings = settings;
        this.classpath = classpath;
        this.port = entry.port() == null ? null : entry.port().applyAsInt(settings.ports());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return port == null ? entry.description() : "http://127.0.0.1:" + port + "/";
    }

    @Override
    public Map<Endpoint, String> ports() {
        return port == null ? Map.of()
                : Map.of(new Endpoint(ServerMember.host(1), port), entry.description() + " (PIPELINE_" + name().toUpperCase(Locale.ROOT) + "_PORT)");
    }

    /** An outcome left by an earlier run would describe that run, not this one. */
    @Override
    public void prepare() {
        try {
            Files.deleteIfExists(ServiceOutcome.fileOf(settings, name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> command(String marker) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        options.addAll(entry.jvmOptions());
        return JvmCommand.of(marker, entry.heap(), options, classpath, entry.mainClass(), List.of());
    }

    /**
     * The defaults of this service (and, offline, of the offline race), then the
     * user's environment, then what offline mode and the stack's addresses must decide.
     */
    @Override
    public Map<String, String> environment() {
        Map<String, String> defaults = new HashMap<>(entry.defaults());
        if (settings.offline()) {
            defaults.putAll(OfflineRace.defaults(entry.name()));
        }
        Map<String, String> env = new HashMap<>(defaults);
        defaults.keySet().forEach(key -> {
            String own = settings.env().raw(key);
            if (own != null) {
                env.put(key, own);
            }
        });
        if (settings.offline()) {
            env.putAll(OfflineRace.forced(entry.name(), settings));
        }
        env.putAll(StackClients.environment(settings));
        // A service that reads the stack itself (the live page) must find the stack that started it, whoever
        // started it: a test's stack lives in its settings, not in the environment this JVM inherited.
        env.putAll(settings.ports().environment());
        env.put("PIPELINE_HOME", settings.home().toString());
        env.put(StackSettings.CLUSTER, Boolean.toString(settings.topology().isCluster()));
        env.put(OutcomeFile.VARIABLE, ServiceOutcome.fileOf(settings, name()).toString());
        return env;
    }

    @Override
    public boolean finishesOnItsOwn() {
        return true;
    }

    @Override
    public void started(ProcessHandle started) {
        this.handle = started;
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
