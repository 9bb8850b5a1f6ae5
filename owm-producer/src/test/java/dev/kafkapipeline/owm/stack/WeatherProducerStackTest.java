package dev.kafkapipeline.owm.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.common.producer.ProducerSettings;
import dev.kafkapipeline.testsupport.NativeStackTest;
import dev.kafkapipeline.testsupport.TopicRecords;
import dev.kafkapipeline.local.stack.NativeStack;
import dev.kafkapipeline.owm.Recorded;
import dev.kafkapipeline.owm.WeatherProducerMain;
import dev.kafkapipeline.owm.WeatherSource;
import dev.kafkapipeline.owm.config.WeatherSettings;
import dev.kafkapipeline.owm.provider.HttpGateway;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

@NativeStackTest
class WeatherProducerStackTest {
    @Test
    void reportsArriveKeyedByLocationWithTheWeatherFields(NativeStack stack) throws Exception {
        try (MockWebServer owm = new MockWebServer()) {
            owm.start(InetAddress.getLoopbackAddress(), 0);
            // One report per city, then both cities are unknown, so the source ends and the loop flushes and returns.
            owm.enqueue(Recorded.json(200, "owm-melbourne-200.json"));
            owm.enqueue(Recorded.json(200, "owm-adelaide-200.json"));
            owm.enqueue(Recorded.json(404, "owm-404.json"));
            owm.enqueue(Recorded.json(404, "owm-404.json"));

            EnvConfig env = stack.serviceEnvironment().with(Map.of(
                    "OWM_API_KEY", "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                    "OWM_BASE_URL", owm.url("/").toString(),
                    "SLEEP_TIME", "0.2"));
            WeatherSettings weather = WeatherSettings.from(env);
            ProducerSettings settings = WeatherProducerMain.producerSettings(env, weather);
            assertEquals(Duration.ofMillis(100), settings.pause(), "SLEEP_TIME is spread over the two cities");
            WeatherSource source = WeatherProducerMain.source(weather, HttpGateway.withDefaultTimeouts(weather.apiKey()), wait -> { });

            assertEquals(new ProducerLoop.Outcome(2, 0), new ProducerLoop(settings, source).run());

            try (TopicRecords topic = new TopicRecords(env, Topics.WEATHER, key -> true)) {
                Map<String, Map<String, Object>> received = topic.awaitAtLeast(2, Duration.ofSeconds(60));
                assertEquals(List.of("Melbourne", "Adelaide"), List.copyOf(received.keySet()));
                Map<String, Object> melbourne = received.get("Melbourne");
                assertEquals(List.of("location", "report_time", "description", "temp", "feels_like", "temp_min", "temp_max",
                        "pressure", "humidity", "wind", "sunrise", "sunset"), List.copyOf(melbourne.keySet()));
                assertEquals("Melbourne", melbourne.get("location"));
                assertEquals("2024-11-28T07:00:00Z", melbourne.get("report_time"));
                assertEquals("broken clouds", melbourne.get("description"));
                assertEquals(291.48, ((Number) melbourne.get("temp")).doubleValue());
                assertEquals(1015.0, ((Number) melbourne.get("pressure")).doubleValue());
                assertEquals(1732732051L, ((Number) melbourne.get("sunrise")).longValue());
                assertEquals("clear sky", received.get("Adelaide").get("description"));
            }
        }
    }
}
