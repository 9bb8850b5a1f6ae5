package dev.kafkapipeline.dockercheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services and networks that one compose file, or the root file with its
 * includes, defines. Includes are resolved the way Compose does: each entry's
 * files are merged (the first names the project folder), then its services and
 * networks are copied in, and a name defined twice differently is a conflict.
 *
 * @param conflicts what Compose would reject while resolving the includes
 */
record ComposeModel(
        String description,
        Map<String, ComposeService> services,
        Map<String, Object> networks,
        List<Path> files,
        List<String> conflicts) {

    static ComposeModel ofFile(Path file) {
        ComposeModel model = new ComposeModel(file.toString(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new ArrayList<>(), new ArrayList<>());
        model.add(List.of(file), ComposeYaml.read(file));
        return model;
    }

    /** The root file: every include entry merged and imported. */
    static ComposeModel ofRoot(Path rootFile) {
        ComposeModel model = new ComposeModel(rootFile.toString(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new ArrayList<>(), new ArrayList<>());
        for (List<Path> entry : includeEntries(rootFile)) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Path file : entry) {
                if (!Files.isRegularFile(file)) {
                    model.conflicts.add("included file " + file + " does not exist");
                    continue;
                }
                merge(merged, ComposeYaml.read(file));
            }
            model.add(entry, merged);
        }
        return model;
    }

    /** Each include entry as its list of files, resolved from the root file's folder. */
    static List<List<Path>> includeEntries(Path rootFile) {
        Object include = ComposeYaml.read(rootFile).get("include");
        List<List<Path>> entries = new ArrayList<>();
        if (!(include instanceof List<?> list)) {
            return entries;
        }
        Path dir = rootFile.getParent();
        for (Object item : list) {
            Object path = item instanceof Map<?, ?> map ? map.get("path") : item;
            List<Path> files = new ArrayList<>();
            if (path instanceof List<?> paths) {
                paths.forEach(p -> files.add(dir.resolve(String.valueOf(p)).normalize()));
            } else {
                files.add(dir.resolve(String.valueOf(path)).normalize());
            }
            entries.add(files);
        }
        return entries;
    }

    private void add(List<Path> entry, Map<String, Object> model) {
        files.addAll(entry);
        Path projectFile = entry.get(0);
        for (var service : section(model, "services").entrySet()) {
            if (services.containsKey(service.getKey())) {
                conflicts.add("service " + service.getKey() + " is defined in " + services.get(service.getKey()).file()
                        + " and again in " + projectFile);
                continue;
            }
            services.put(service.getKey(), new ComposeService(service.getKey(), asMap(service.getValue()), projectFile));
        }
        for (var network : section(model, "networks").entrySet()) {
            Object existing = networks.putIfAbsent(network.getKey(), network.getValue());
            if (existing != null && !existing.equals(network.getValue())) {
                conflicts.add("network " + network.getKey() + " in " + projectFile + " is declared as "
                        + network.getValue() + ", elsewhere as " + existing);
            }
        }
    }

    /** Compose's merge: mappings merge key by key, sequences append, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> base, Map<String, Object> overlay) {
        for (var entry : overlay.entrySet()) {
            Object current = base.get(entry.getKey());
            Object next = entry.getValue();
            if (current instanceof Map<?, ?> currentMap && next instanceof Map<?, ?> nextMap) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) currentMap);
                merge(copy, (Map<String, Object>) nextMap);
                base.put(entry.getKey(), copy);
            } else if (current instanceof List<?> currentList && next instanceof List<?> nextList) {
                List<Object> copy = new ArrayList<>(currentList);
                copy.addAll(nextList);
                base.put(entry.getKey(), copy);
            } else {
                base.put(entry.getKey(), next);
            }
        }
    }

    static Map<String, Object> section(Map<String, Object> model, String key) {
        return model.get(key) == null ? Map.of() : asMap(model.get(key));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }
}
