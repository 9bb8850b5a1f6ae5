package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.process.ModuleClasspath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services of one stack, in start order: the three servers, then the
 * project's services that are selected (PIPELINE_SERVICES) and built, then
 * Jupyter where it can run; and the process of each, known by its pid file.
 * A stack's home may hold processes of services this selection leaves out
 * (started by an earlier {@code up} with other settings): {@link #everyName}
 * and {@link #process} cover those too, so that they can be stopped.
 */
final class StackServices {
    static final List<String> SERVERS = List.of(CassandraNode.NAME, KafkaBroker.NAME, ConnectWorker.NAME);

    private final StackSettings settings;
    private final Map<String, StackService> selected;
    private final Map<String, ManagedProcess> processes = new ConcurrentHashMap<>();

    private StackServices(StackSettings settings, Map<String, StackService> selected) {
        this.settings = settings;
        this.selected = selected;
    }

    /** The server modules must be built; project services whose modules are not built are left out. */
    static StackServices of(StackSettings settings) {
        Map<String, StackService> services = new LinkedHashMap<>();
        services.put(CassandraNode.NAME, new CassandraNode(settings, built(settings, CassandraNode.MODULE)));
        services.put(KafkaBroker.NAME, new KafkaBroker(settings, built(settings, KafkaBroker.MODULE)));
        services.put(ConnectWorker.NAME, new ConnectWorker(settings, built(settings, ConnectWorker.MODULE)));
        if (settings.startServices()) {
            for (ServiceCatalog.Entry entry : ServiceCatalog.ENTRIES) {
                if (wanted(settings, entry.name())) {
                    ModuleClasspath.of(settings.module(entry.module()))
                            .ifPresent(classpath -> services.put(entry.name(), new ProjectService(entry, settings, classpath)));
                }
            }
            if (wantsJupyter(settings)) {
                JupyterNotebook.forStack(settings).ifPresent(jupyter -> services.put(JupyterNotebook.NAME, jupyter));
            }
        }
        return new StackServices(settings, services);
    }

    static ModuleClasspath built(StackSettings settings, String module) {
        return ModuleClasspath.of(settings.module(module)).orElseThrow(() -> new StackStartException(
                "module " + module + " is not built: run ./mvnw -q -DskipTests package (./pipeline up does it when needed)"));
    }

    private static boolean wanted(StackSettings settings, String service) {
        return settings.onlyServices().isEmpty() || settings.onlyServices().contains(service);
    }

    static boolean wantsJupyter(StackSettings settings) {
        return settings.startServices() && wanted(settings, JupyterNotebook.NAME);
    }

    ConnectWorker connectWorker() {
        return (ConnectWorker) selected.get(ConnectWorker.NAME);
    }

    /** Every service a stack may run, selected or not, in start order. */
    static List<String> everyName() {
        List<String> names = new ArrayList<>(SERVERS);
        names.addAll(ServiceCatalog.names());
        names.add(JupyterNotebook.NAME);
        return List.copyOf(names);
    }

    /**
     * The argument that marks a service's command line as this stack's: Java
     * services take it as a system property; Jupyter rejects unknown options but
     * keeps unknown Class.trait settings, so its marker goes there.
     */
    static String marker(String service, StackSettings settings) {
        String identity = service + "@" + settings.home();
        return service.equals(JupyterNotebook.NAME) ? "--Pipeline.service=" + identity : "-Dpipeline.service=" + identity;
    }

    /** The selected services, in start order. */
    List<String> names() {
        return List.copyOf(selected.keySet());
    }

    /** The selected services that are not servers, in start order: producers, consumers, Jupyter. */
    List<String> projectServices() {
        return selected.keySet().stream().filter(name -> !SERVERS.contains(name)).toList();
    }

    boolean has(String name) {
        return selected.containsKey(name);
    }

    StackService get(String name) {
        StackService service = selected.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service named '" + name + "'; services: " + String.join(", ", selected.keySet()));
        }
        return service;
    }

    /** The process of any service this stack may run ({@link #everyName}), selected or not. */
    ManagedProcess process(String name) {
        if (!everyName().contains(name)) {
            throw new IllegalArgumentException("no service named '" + name + "'; services: " + String.join(", ", everyName()));
        }
        return processes.computeIfAbsent(name, service -> new ManagedProcess(service, settings.runDirectory().resolve(service + ".pid"),
                settings.logDirectory().resolve(service + ".log"), marker(service, settings)));
    }
}
