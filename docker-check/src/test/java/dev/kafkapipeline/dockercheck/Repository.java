package dev.kafkapipeline.dockercheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The checked-out project as the Docker files see it: its folders, the Maven
 * modules listed in the root pom and which of them exist yet (other modules
 * are written on other branches and land one by one).
 */
record Repository(Path root) {

    static Repository locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return new Repository(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root (mvnw + docker-compose.yml) above " + Path.of("").toAbsolutePath());
    }

    Path resolve(String relative) {
        return root.resolve(relative).normalize();
    }

    String relativize(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString();
    }

    /** Module folders in the root pom's order, e.g. "cassandra/client". */
    List<String> moduleFolders() {
        return texts(pom(root.resolve("pom.xml")).getDocumentElement(), "modules", "module");
    }

    /** A module is there once its folder holds a pom.xml. */
    boolean moduleExists(String folder) {
        return Files.isRegularFile(resolve(folder).resolve("pom.xml"));
    }

    String rootProperty(String name) {
        Element properties = child(pom(root.resolve("pom.xml")).getDocumentElement(), "properties")
                .orElseThrow(() -> new IllegalStateException("root pom.xml has no <properties>"));
        return child(properties, name).map(e -> e.getTextContent().trim())
                .orElseThrow(() -> new IllegalStateException("root pom.xml has no property " + name));
    }

    /**
     * The folder and the folders of every project module it depends on outside
     * test scope, transitively: the code whose environment variables its process can read.
     */
    Set<String> moduleWithProjectDependencies(String folder) {
        Map<String, String> folderByArtifact = new LinkedHashMap<>();
        for (String module : moduleFolders()) {
            if (moduleExists(module)) {
                folderByArtifact.put(artifactId(module), module);
            }
        }
        Set<String> result = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(List.of(folder));
        while (!pending.isEmpty()) {
            String next = pending.remove(0);
            if (!result.add(next) || !moduleExists(next)) {
                continue;
            }
            for (String artifact : projectDependencies(next)) {
                String dependency = folderByArtifact.get(artifact);
                if (dependency != null) {
                    pending.add(dependency);
                }
            }
        }
        return result;
    }

    private String artifactId(String folder) {
        return child(pom(resolve(folder).resolve("pom.xml")).getDocumentElement(), "artifactId")
                .map(e -> e.getTextContent().trim())
                .orElseThrow(() -> new IllegalStateException(folder + "/pom.xml has no artifactId"));
    }

    private List<String> projectDependencies(String folder) {
        Element project = pom(resolve(folder).resolve("pom.xml")).getDocumentElement();
        List<String> artifacts = new ArrayList<>();
        Optional<Element> dependencies = child(project, "dependencies");
        if (dependencies.isEmpty()) {
            return artifacts;
        }
        for (Element dependency : children(dependencies.get(), "dependency")) {
            String group = child(dependency, "groupId").map(e -> e.getTextContent().trim()).orElse("");
            String scope = child(dependency, "scope").map(e -> e.getTextContent().trim()).orElse("compile");
            if (group.equals("dev.kafkapipeline") && !scope.equals("test")) {
                child(dependency, "artifactId").ifPresent(e -> artifacts.add(e.getTextContent().trim()));
            }
        }
        return artifacts;
    }

    private static Document pom(Path file) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> texts(Element parent, String container, String item) {
        return child(parent, container).map(c -> children(c, item).stream().map(e -> e.getTextContent().trim()).toList())
                .orElse(List.of());
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }
}
