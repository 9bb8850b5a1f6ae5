package dev.kafkapipeline.dockercheck;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What git's own attribute rules say about files of the work tree
 * ({@code git check-attr}), so the checks read .gitattributes exactly as a
 * checkout on Windows will.
 */
final class GitAttributes {

    private GitAttributes() {}

    /**
     * path (relative to the root) -> attribute -> value ("set", "unset",
     * "unspecified" or the value); empty when git or a work tree is missing.
     */
    static Optional<Map<String, Map<String, String>>> of(Path root, List<String> paths, String... attributes) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString(), "check-attr", "--stdin"));
        command.addAll(List.of(attributes));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = git.getOutputStream()) {
                in.write(String.join("\n", paths).concat("\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                return Optional.empty();
            }
            Map<String, Map<String, String>> result = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                // "<path>: <attribute>: <value>"
                int valueAt = line.lastIndexOf(": ");
                int attributeAt = line.lastIndexOf(": ", valueAt - 1);
                if (attributeAt < 0) {
                    continue;
                }
                result.computeIfAbsent(line.substring(0, attributeAt), p -> new LinkedHashMap<>())
                        .put(line.substring(attributeAt + 2, valueAt), line.substring(valueAt + 2));
            }
            return Optional.of(result);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
