package dev.kafkapipeline.local.stack;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The project's own services that {@code ./pipeline up} starts after the
 * infrastructure, each from its module's build output. A module that does not
 * exist or is not built is left out.
 */
final class ServiceCatalog {
    /**
     * @param heap       the service's heap (-Xms and -Xmx)
     * @param jvmOptions options besides the heap and the serial collector every service runs with
     * @param port       the loopback port it serves a web page on, or null; it is ready once that port answers
     */
    record Entry(String name, String module, String mainClass, String description, Map<String, String> defaults,
                 String heap, List<String> jvmOptions, ToIntFunction<StackPorts> port) {
        Entry(String name, String module, String mainClass, String description, Map<String, String> defaults) {
            this(name, module, mainClass, description, defaults, "256m", List.of(), null);
        }
    }

    /** The live page's JVM options besides heap and collector; watch/Dockerfile repeats them. */
    static final List<String> WATCH_JVM_OPTIONS = List.of("-Xmn2m", "-XX:TieredStopAtLevel=1",
            "-XX:Tier3InvocationThreshold=2000", "-XX:Tier3MinInvocationThreshold=1000", "-XX:Tier3CompileThreshold=20000",
            "-XX:Tier3BackEdgeThreshold=600000", "-Xss256k", "-XX:ReservedCodeCacheSize=16m", "-XX:TrimNativeHeapInterval=10000");

    static final List<Entry> ENTRIES = List.of(
            new Entry("consumers", "consumers", "dev.kafkapipeline.consumers.ConsumersMain",
                    "weather, faker, fastf1 -> Cassandra", Map.of("TOPIC_NAME", "all")),
            new Entry("faker", "faker-producer", "dev.kafkapipeline.faker.FakerProducerMain",
                    "-> topic faker", Map.of("TOPIC_NAME", "faker")),
            new Entry("weather", "owm-producer", "dev.kafkapipeline.owm.WeatherProducerMain",
                    "-> topic weather", Map.of("TOPIC_NAME", "weather")),
            new Entry("fastf1", "f1-producer", "dev.kafkapipeline.f1.F1ProducerMain",
                    "-> topic fastf1", Map.of("TOPIC_NAME", "fastf1")),
            // The live page reads this stack's pid files and addresses the way ./pipeline does. It idles
            // between pages, so it is sized for memory (measured in the README, "The live page"): its live
            // set is about 11 MB, so a 16 MB old generation and a 2 MB young one, where a snapshot's
            // garbage dies; C1 code only, compiled for methods called thousands of times rather than
            // hundreds (half the code cache); small thread stacks; one malloc arena, trimmed every 10 s.
            new Entry("watch", "watch", "dev.kafkapipeline.watch.WatchMain", "the live page",
                    Map.of("WATCH_STACK", "native", "MALLOC_ARENA_MAX", "1"), "18m", WATCH_JVM_OPTIONS, StackPorts::watch));

    private ServiceCatalog() {}

    static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    /** What the service does ("-> topic faker"), or "-" for a name outside the catalog. */
    static String description(String name) {
        return ENTRIES.stream().filter(entry -> entry.name().equals(name)).map(Entry::description).findFirst().orElse("-");
    }
}
