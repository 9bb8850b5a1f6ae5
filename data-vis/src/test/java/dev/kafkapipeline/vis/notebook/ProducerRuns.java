package dev.kafkapipeline.vis.notebook;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.common.producer.RecordSource;
import dev.kafkapipeline.f1.F1ProducerMain;
import dev.kafkapipeline.faker.FakerProducerMain;
import dev.kafkapipeline.faker.FakerSettings;
import dev.kafkapipeline.faker.FakerSource;
import dev.kafkapipeline.testsupport.F1Archive;
import dev.kafkapipeline.owm.WeatherProducerMain;
import dev.kafkapipeline.owm.WeatherSource;
import dev.kafkapipeline.owm.config.WeatherSettings;
import dev.kafkapipeline.owm.provider.HttpGateway;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;

/**
 * The three producers, run in this JVM with their own code and configuration
 * variables against the stack's broker, each until its records are sent and
 * acknowledged. Only the weather API is stood in for: a local server replays
 * {@link RecordedWeather}.
 */
final class ProducerRuns {
    static final String BAKU = "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race";

    private ProducerRuns() {}

    /** The 2018 Baku race's laps of VER and LEC from the archive sample, flat out; returns the exit status. */
    static int f1Laps(EnvConfig stack) {
        return F1ProducerMain.runner().run(stack.with(Map.of(
                "F1_ARCHIVE_URL", F1Archive.root().toUri().toString(),
                "F1_SESSION", BAKU,
                "F1_DRIVERS", "VER,LEC",
                "SLEEP_TIME", "0"))).status().code();
    }

    /** The first {@code count} people of a seeded faker producer; returns their names (the Kafka keys), in order sent. */
    static List<String> fakerPeople(EnvConfig stack, int count) {
        EnvConfig env = stack.with(Map.of(
                FakerSettings.SEED, "42",
                FakerSettings.UNIQUE_NAMES, "true",
                "SLEEP_TIME", "0"));
        FirstRecords people = new FirstRecords(new FakerSource(FakerSettings.from(env)), count);
        ProducerLoop.Outcome outcome = new ProducerLoop(FakerProducerMain.producerSettings(env), people).run();
        if (outcome.sent() != count || outcome.failed() != 0) {
            throw new IllegalStateException("the faker producer sent " + outcome + " of " + count + " people");
        }
        return people.keys();
    }

    /** The weather producer with an OpenWeatherMap key, pointed at a local server that replays the recordings. */
    static ProducerLoop.Outcome weatherReports(EnvConfig stack, RecordedWeather recorded) throws IOException {
        try (MockWebServer owm = new MockWebServer()) {
            owm.start(InetAddress.getLoopbackAddress(), 0);
            recorded.responses().forEach(owm::enqueue);
            EnvConfig env = stack.with(Map.of(
                    WeatherSettings.API_KEY, "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                    WeatherSettings.OWM_BASE_URL, owm.url("/").toString(),
                    WeatherSettings.CITIES, String.join(",", recorded.cities()),
                    "SLEEP_TIME", "0"));
            WeatherSettings weather = WeatherSettings.from(env);
            // The recordings hold no 429 or 5xx, so the source never has to wait.
            WeatherSource source = WeatherProducerMain.source(weather, HttpGateway.withDefaultTimeouts(weather.apiKey()), wait -> { });
            return new ProducerLoop(WeatherProducerMain.producerSettings(env, weather), source).run();
        }
    }

    /** The first records of an endless source, remembering their keys. */
    private static final class FirstRecords implements RecordSource {
        private final RecordSource source;
        private final int count;
        private final List<String> keys = new ArrayList<>();

        FirstRecords(RecordSource source, int count) {
            this.source = source;
            this.count = count;
        }

        @Override
        public Optional<KeyedRecord> next() throws InterruptedException {
            Optional<KeyedRecord> next = source.next();
            next.ifPresent(record -> keys.add(record.key()));
            return next;
        }

        @Override
        public boolean hasMore() {
            return keys.size() < count;
        }

        List<String> keys() {
            return List.copyOf(keys);
        }
    }
}
