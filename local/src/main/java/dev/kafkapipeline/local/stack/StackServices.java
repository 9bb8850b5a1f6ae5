package dev.kafkapipeline.local.stack;

import dev.kafkapipeline.local.process.ManagedProcess;
import dev.kafkapipeline.local.process.ModuleClasspath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The services of one stack, in start order: the servers (one of each kind,
 * or a cluster's members), then the project's services that are selected
 * (PIPELINE_SERVICES) and built, then Jupyter where it can run; and the
 * process of each, known by its pid file. A stack's home may hold processes
 * of services this selection leaves out (started by an earlier {@code up}
 * with other settings): {@link #everyName} and {@link #process} cover those
 * too, so that they can be stopped.
 */
final class StackServices {
    /** The kinds of server, in start order. */
    static final List<String> SERVER_KINDS = List.of(CassandraNode.NAME, KafkaBroker.NAME, ConnectWorker.NAME);
    /** The one project service a cluster runs several of, as members of one consumer group. */
    private static final String CONSUMERS = "consumers";

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
        ClusterTopology topology = settings.topology();
        ModuleClasspath cassandra = built(settings, CassandraNode.MODULE);
        CassandraNode.members(topology).forEach(node -> services.put(node.name(), new CassandraNode(node, settings, cassandra)));
        ModuleClasspath kafka = built(settings, KafkaBroker.MODULE);
        KafkaBroker.members(topology).forEach(broker -> services.put(broker.name(), new KafkaBroker(broker, settings, kafka)));
        ModuleClasspath connect = built(settings, ConnectWorker.MODULE);
        ConnectWorker.members(topology).forEach(worker -> services.put(worker.name(), new ConnectWorker(worker, settings, connect)));
        if (settings.startServices()) {
            for (ServiceCatalog.Entry entry : ServiceCatalog.ENTRIES) {
                if (wanted(settings, entry.name())) {
                    ModuleClasspath.of(settings.module(entry.module())).ifPresent(classpath -> memberNames(entry.name(), topology)
                            .forEach(name -> services.put(name, new ProjectService(entry, name, settings, classpath))));
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

    List<ConnectWorker> connectWorkers() {
        return selected.values().stream().filter(ConnectWorker.class::isInstance).map(ConnectWorker.class::cast).toList();
    }

    /** The processes of a kind this topology runs: the kind's own name, or its members' ({@code kafka-1} ...). */
    static List<String> memberNames(String kind, ClusterTopology topology) {
        int count = switch (kind) {
            case CassandraNode.NAME -> topology.cassandraNodes();
            case KafkaBroker.NAME -> topology.brokers();
            case ConnectWorker.NAME -> topology.connectWorkers();
            case CONSUMERS -> topology.consumerMembers();
            default -> 1;
        };
        return ServerMember.of(kind, count).stream().map(ServerMember::name).toList();
    }

    /**
     * Every service a stack may run, selected or not, single node or cluster,
     * grouped by kind, in start order: what {@code down} stops, a kind's
     * members at once.
     */
    static List<List<String>> everyKind() {
        List<String> kinds = new ArrayList<>(SERVER_KINDS);
        kinds.addAll(ServiceCatalog.names());
        kinds.add(JupyterNotebook.NAME);
        List<List<String>> names = new ArrayList<>();
        for (String kind : kinds) {
            Set<String> members = new LinkedHashSet<>(memberNames(kind, ClusterTopology.SINGLE_NODE));
            members.addAll(memberNames(kind, ClusterTopology.THREE_NODES));
            names.add(List.copyOf(members));
        }
        return List.copyOf(names);
    }

    /** Every service a stack may run, selected or not, in start order. */
    static List<String> everyName() {
        return everyKind().stream().flatMap(List::stream).toList();
    }

    /** Whether two services are of one kind: a cluster's brokers, say, or its consumers. */
    static boolean sameKind(String one, String other) {
        return everyKind().stream().anyMatch(kind -> kind.contains(one) && kind.contains(other));
    }

    /** The servers among {@link #everyName}: Cassandra's nodes, the brokers and Connect's workers. */
    static boolean isServer(String name) {
        return everyKind().subList(0, SERVER_KINDS.size()).stream().anyMatch(kind -> kind.contains(name));
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
        return selected.keySet().stream().filter(name -> !isServer(name)).toList();
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
