package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.local.jupyter.JupyterLaunch;
import dev.kafkapipeline.local.jupyter.JupyterService;
import dev.kafkapipeline.local.process.ModuleClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jupyter Notebook with the project's Java kernel, serving data-vis/notebooks
 * on loopback with a token. Started only where Debian's Jupyter is installed
 * and data-vis is built; otherwise {@code up} says how to get it and goes on.
 */
final class JupyterNotebook implements StackService {
    static final String NAME = "jupyter";

    private final StackSettings settings;
    private volatile JupyterLaunch launch;

    private JupyterNotebook(StackSettings settings) {
        this.settings = settings;
    }

    static Optional<JupyterNotebook> forStack(StackSettings settings) {
        if (JupyterService.findJupyter().isEmpty() || !dataVisBuilt(settings)) {
            return Optional.empty();
        }
        return Optional.of(new JupyterNotebook(settings));
    }

    static String whyNotStarted(StackSettings settings) {
        if (JupyterService.findJupyter().isEmpty()) {
            return "not started. " + JupyterService.INSTALL_HINT;
        }
        return "not started: data-vis is not built (./mvnw -q -DskipTests package)";
    }

    private static boolean dataVisBuilt(StackSettings settings) {
        return ModuleClasspath.of(settings.module("data-vis")).isPresent()
                && ModuleClasspath.of(settings.module("data-vis/kernel")).isPresent();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        try {
            return "http://127.0.0.1:" + settings.ports().jupyter() + "/tree?token=" + JupyterService.token(settings.home());
        } catch (IOException e) {
            return "http://127.0.0.1:" + settings.ports().jupyter();
        }
    }

    @Override
    public Map<Endpoint, String> ports() {
        return Map.of(new Endpoint(ServerMember.host(1), settings.ports().jupyter()), "Jupyter (PIPELINE_JUPYTER_PORT)");
    }

    @Override
    public void prepare() {
        try {
            launch = JupyterService.prepare(settings.home(), settings.repository(), settings.ports().jupyter());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the Java kernel: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> command(String marker) {
        List<String> command = new ArrayList<>(launch.command());
        command.add(marker);
        return command;
    }

    /** The notebook's kernel inherits these, so the notebook reads the stack's Cassandra. */
    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(launch.environment());
        env.putAll(StackClients.environment(settings));
        return env;
    }

    @Override
    public boolean isReady() {
        return launch != null && JupyterService.isReady(launch);
    }
}
