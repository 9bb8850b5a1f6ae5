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
            // between pages, so it is sized for memory: a small heap and young generation, C1 code only,
            // small thread stacks, two malloc arenas (measured in the README, "The live page").
            new Entry("watch", "watch", "dev.kafkapipeline.watch.WatchMain", "the live page",
                    Map.of("WATCH_STACK", "native", "MALLOC_ARENA_MAX", "2"), "32m",
                    List.of("-Xmn4m", "-XX:TieredStopAtLevel=1", "-Xss256k", "-XX:ReservedCodeCacheSize=16m"), StackPorts::watch));

    private ServiceCatalog() {}

    static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    /** What the service does ("-> topic faker"), or "-" for a name outside the catalog. */
    static String description(String name) {
        return ENTRIES.stream().filter(entry -> entry.name().equals(name)).map(Entry::description).findFirst().orElse("-");
    }
}
