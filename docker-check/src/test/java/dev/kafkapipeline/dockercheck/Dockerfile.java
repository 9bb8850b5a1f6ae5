package dev.kafkapipeline.dockercheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read as build stages of instructions (continuation lines
 * joined, comments dropped, ARG defaults substituted into FROM).
 */
record Dockerfile(Path file, List<Stage> stages) {

    record Instruction(String keyword, String arguments) {}

    record Stage(String image, String name, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }
    }

    /** A COPY or ADD: its flags and its sources (the last word is the destination). */
    record Copy(String keyword, Map<String, String> flags, List<String> sources) {
        boolean fromStage() {
            return flags.containsKey("from");
        }
    }

    private static final Pattern ARG_REFERENCE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    static Dockerfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Stage> stages = new ArrayList<>();
        Map<String, String> globalArgs = new LinkedHashMap<>();
        List<Instruction> current = null;
        StringBuilder logical = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (logical.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                logical.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            logical.append(line);
            String text = logical.toString().strip();
            logical.setLength(0);
            String[] split = text.split("\\s+", 2);
            Instruction instruction = new Instruction(split[0].toUpperCase(), split.length > 1 ? split[1] : "");
            if (instruction.keyword().equals("FROM")) {
                String[] words = instruction.arguments().split("\\s+");
                String image = substitute(words[0], globalArgs);
                String name = words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : "";
                current = new ArrayList<>();
                stages.add(new Stage(image, name, current));
            } else if (current == null) {
                if (instruction.keyword().equals("ARG")) {
                    String[] kv = instruction.arguments().split("=", 2);
                    globalArgs.put(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "");
                }
            } else {
                current.add(instruction);
            }
        }
        return new Dockerfile(file, List.copyOf(stages));
    }

    Stage finalStage() {
        if (stages.isEmpty()) {
            throw new IllegalStateException(file + " has no FROM");
        }
        return stages.get(stages.size() - 1);
    }

    /** Every COPY and ADD of every stage. */
    List<Copy> copies() {
        List<Copy> result = new ArrayList<>();
        for (Stage stage : stages) {
            for (Instruction instruction : stage.instructions()) {
                if (instruction.keyword().equals("COPY") || instruction.keyword().equals("ADD")) {
                    result.add(copy(instruction));
                }
            }
        }
        return result;
    }

    static Copy copy(Instruction instruction) {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> words = new ArrayList<>(Arrays.asList(instruction.arguments().split("\\s+")));
        while (!words.isEmpty() && words.get(0).startsWith("--")) {
            String[] kv = words.remove(0).substring(2).split("=", 2);
            flags.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        List<String> sources = words.size() > 1 ? List.copyOf(words.subList(0, words.size() - 1)) : List.of();
        return new Copy(instruction.keyword(), flags, sources);
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher matcher = ARG_REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(args.getOrDefault(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
