package dev.kafkapipeline.local.stack;

import java.util.List;
import java.util.Map;

/**
 * The project's own services that {@code ./pipeline up} starts after the
 * infrastructure, each from its module's build output. A module that does not
 * exist or is not built is left out.
 */
final class ServiceCatalog {
    record Entry(String name, String module, String mainClass, String description, Map<String, String> defaults) {}

    static final List<Entry> ENTRIES = List.of(
            new Entry("consumers", "consumers", "dev.kafkapipeline.consumers.ConsumersMain",
                    "weather, faker, fastf1 -> Cassandra", Map.of("TOPIC_NAME", "all")),
            new Entry("faker", "faker-producer", "dev.kafkapipeline.faker.FakerProducerMain",
                    "-> topic faker", Map.of("TOPIC_NAME", "faker")),
            new Entry("weather", "owm-producer", "dev.kafkapipeline.owm.WeatherProducerMain",
                    "-> topic weather", Map.of("TOPIC_NAME", "weather")),
            new Entry("fastf1", "f1-producer", "dev.kafkapipeline.f1.F1ProducerMain",
                    "-> topic fastf1", Map.of("TOPIC_NAME", "fastf1")));

    private ServiceCatalog() {}

    static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    /** What the service does ("-> topic faker"), or "-" for a name outside the catalog. */
    static String description(String name) {
        return ENTRIES.stream().filter(entry -> entry.name().equals(name)).map(Entry::description).findFirst().orElse("-");
    }
}
