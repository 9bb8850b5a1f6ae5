package dev.kafkapipeline.dockercheck;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads compose files. Compose's own merge tags (!override, !reset) are read
 * as the plain node they tag.
 */
final class ComposeYaml {

    private ComposeYaml() {}

    static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object model = new Yaml(new TagTolerantConstructor()).load(reader);
            if (!(model instanceof Map<?, ?> map)) {
                throw new IllegalStateException(file + ": not a YAML mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) map;
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class TagTolerantConstructor extends SafeConstructor {
        TagTolerantConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Tag plain = switch (node.getNodeId()) {
                        case sequence -> Tag.SEQ;
                        case mapping -> Tag.MAP;
                        default -> Tag.STR;
                    };
                    node.setTag(plain);
                    return yamlConstructors.get(plain).construct(node);
                }
            });
        }
    }
}
