package dev.kafkapipeline.dockercheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One service of a compose file, with the few readings the checks need.
 *
 * @param file the compose file that defines it (relative paths resolve from its folder)
 */
record ComposeService(String name, Map<String, Object> definition, Path file) {

    String where() {
        return file.getFileName() + " (" + file.getParent().getFileName() + ") service " + name;
    }

    Optional<String> string(String key) {
        Object value = definition.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** The environment in either compose form (mapping or KEY=VALUE list). */
    Map<String, String> environment() {
        Object value = definition.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                result.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        return result;
    }

    List<PortMapping> ports() {
        List<PortMapping> result = new ArrayList<>();
        if (definition.get("ports") instanceof List<?> list) {
            list.forEach(p -> result.add(PortMapping.parse(String.valueOf(p))));
        }
        return result;
    }

    Set<String> networks() {
        Object value = definition.get("networks");
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(n -> result.add(String.valueOf(n)));
        } else if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(n -> result.add(String.valueOf(n)));
        }
        return result;
    }

    /** depends_on as service -> condition (service_started for the short form). */
    Map<String, String> dependsOn() {
        Object value = definition.get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            list.forEach(s -> result.put(String.valueOf(s), "service_started"));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k),
                    v instanceof Map<?, ?> options && options.get("condition") != null
                            ? String.valueOf(options.get("condition")) : "service_started"));
        }
        return result;
    }

    /** Host paths bind-mounted from the compose file's folder (short syntax "./x:/y[:ro]"). */
    List<Path> bindSources() {
        return List.copyOf(bindMounts().keySet());
    }

    /** Long-running: anything but a one-shot job (restart "no", which start order waits on to complete). */
    boolean longRunning() {
        return !string("restart").orElse("no").equals("no");
    }

    /** build.args in either form (mapping or KEY=VALUE list); empty without a build. */
    Map<String, String> buildArgs() {
        Map<String, String> result = new LinkedHashMap<>();
        if (definition.get("build") instanceof Map<?, ?> build) {
            Object args = build.get("args");
            if (args instanceof Map<?, ?> map) {
                map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            } else if (args instanceof List<?> list) {
                for (Object item : list) {
                    String entry = String.valueOf(item);
                    int eq = entry.indexOf('=');
                    result.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
                }
            }
        }
        return result;
    }

    /** Bind mounts of host paths (short syntax "./x:/y[:ro]"): host path -> whether the container may write to it. */
    Map<Path, Boolean> bindMounts() {
        Map<Path, Boolean> result = new LinkedHashMap<>();
        if (definition.get("volumes") instanceof List<?> list) {
            for (Object volume : list) {
                String[] parts = String.valueOf(volume).split(":");
                if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
                    boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
                    result.put(file.getParent().resolve(parts[0]).normalize(), !readOnly);
                }
            }
        }
        return result;
    }

    boolean hasHealthcheck() {
        return definition.get("healthcheck") instanceof Map<?, ?> check && check.get("test") != null;
    }

    Optional<Path> buildContext() {
        Object build = definition.get("build");
        if (build instanceof String context) {
            return Optional.of(file.getParent().resolve(context).normalize());
        }
        if (build instanceof Map<?, ?> map) {
            Object context = map.get("context");
            return Optional.of(file.getParent().resolve(context == null ? "." : String.valueOf(context)).normalize());
        }
        return Optional.empty();
    }

    Optional<Path> dockerfile() {
        Optional<Path> context = buildContext();
        if (context.isEmpty()) {
            return Optional.empty();
        }
        String name = definition.get("build") instanceof Map<?, ?> map && map.get("dockerfile") != null
                ? String.valueOf(map.get("dockerfile")) : "Dockerfile";
        return Optional.of(context.get().resolve(name).normalize());
    }

    /** The names other containers on a shared network can reach it by. */
    Set<String> hostNames() {
        Set<String> names = new LinkedHashSet<>(List.of(name));
        string("container_name").ifPresent(names::add);
        string("hostname").ifPresent(names::add);
        return names;
    }
}
