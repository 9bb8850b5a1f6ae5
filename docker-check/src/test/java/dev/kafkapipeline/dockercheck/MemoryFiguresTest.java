package dev.kafkapipeline.dockercheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The memory each whole-pipeline compose file needs, as its header states it:
 * a total and, per long-running service, the figure it adds up from. No engine
 * measures it here, so the check is that the figure is complete and adds up,
 * and that the README quotes the same total.
 *
 * <pre>
 * # Memory, reasoned ...: 6.7 GB in all, per service:
 * #   cassandradb                1.5 GB  heap 1 GB + ...
 * #   kafka-1, kafka-2, kafka-3  3 x 1.2 GB  ...
 * </pre>
 */
class MemoryFiguresTest {

    private static final Pattern TOTAL = Pattern.compile("^#\\s*Memory\\b.*?(\\d+(?:\\.\\d+)?) GB in all");
    private static final Pattern ITEM = Pattern.compile("^#\\s+([a-z0-9-]+(?:,\\s*[a-z0-9-]+)*)\\s+(?:(\\d+) x )?(\\d+(?:\\.\\d+)?) GB\\b");

    private final Deployment deployment = new Deployment(Repository.locate());
    private final Repository repository = deployment.repository();

    @TestFactory
    Stream<DynamicTest> eachWholePipelineFileStatesWhatItsServicesNeedAndItAddsUp() {
        Map<Path, ComposeModel> files = new LinkedHashMap<>();
        files.put(deployment.rootFile(), deployment.rootModel());
        files.put(repository.resolve("docker-compose.cluster.yml"), deployment.clusterModel());
        return files.entrySet().stream().map(e -> DynamicTest.dynamicTest(repository.relativize(e.getKey()),
                () -> check(e.getKey(), e.getValue())));
    }

    private void check(Path file, ComposeModel model) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int header = -1;
        BigDecimal total = null;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            Matcher m = TOTAL.matcher(lines.get(i));
            if (m.find()) {
                header = i;
                total = new BigDecimal(m.group(1));
            }
        }
        assertTrue(header >= 0, file + " states no memory figure ('# Memory ...: N GB in all', then one line a service)");

        Map<String, Integer> listed = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        List<String> problems = new ArrayList<>();
        for (int i = header + 1; i < lines.size() && lines.get(i).startsWith("#") && !lines.get(i).strip().equals("#"); i++) {
            Matcher m = ITEM.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            List<String> names = List.of(m.group(1).split(",\\s*"));
            int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            if (count != names.size()) {
                problems.add(lines.get(i).strip() + ": " + count + " x, but " + names.size() + " services named");
            }
            names.forEach(n -> listed.merge(n, 1, Integer::sum));
            sum = sum.add(new BigDecimal(m.group(3)).multiply(BigDecimal.valueOf(count)));
        }
        model.services().values().stream().filter(ComposeService::longRunning).map(ComposeService::name)
                .filter(n -> !listed.containsKey(n)).forEach(n -> problems.add(n + " runs for good but has no figure"));
        listed.forEach((name, times) -> {
            ComposeService service = model.services().get(name);
            if (service == null) {
                problems.add(name + " is not a service of this file");
            } else if (!service.longRunning()) {
                problems.add(name + " is a one-shot job: it exits before the rest is busy, leave it out");
            }
            if (times > 1) {
                problems.add(name + " is counted " + times + " times");
            }
        });
        assertEquals(List.of(), problems, file.toString());
        assertEquals(0, total.compareTo(sum), file + " states " + total + " GB in all, its services add up to " + sum + " GB");
        String readme = Files.readString(repository.resolve("README.md"));
        assertTrue(readme.contains(total.toPlainString() + " GB"),
                "README.md does not quote " + total + " GB, the memory " + repository.relativize(file) + " states");
    }
}
