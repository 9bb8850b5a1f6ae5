package dev.kafkapipeline.owm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.testsupport.Eventually;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * The weather producer's main with PIPELINE_OFFLINE=true, as ./pipeline up
 * --offline starts it: one line saying it has nothing to report, no call to
 * any weather service, and exit status 0 on SIGTERM.
 */
class OfflineWeatherTest {
    @Test
    void offlineTheProducerSaysSoCallsNothingAndEndsCleanlyOnSigterm() throws Exception {
        try (MockWebServer weatherServices = new MockWebServer()) {
            weatherServices.start(InetAddress.getLoopbackAddress(), 0);
            String url = weatherServices.url("/").toString();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    WeatherProducerMain.class.getName()).redirectErrorStream(true);
            builder.environment().putAll(Map.of("PIPELINE_OFFLINE", "true", "OWM_API_KEY", "a1b2c3d4e5f60718293a4b5c6d7e8f90",
                    "OWM_BASE_URL", url, "OPEN_METEO_GEOCODING_URL", url, "OPEN_METEO_URL", url,
                    // No broker: offline or not, the producer waits for Kafka, and SIGTERM must end that wait too.
                    "KAFKA_BROKER_URL", "127.0.0.1:1"));
            Process producer = builder.start();
            try {
                List<String> lines = readInBackground(producer);
                // The producer loop handles SIGTERM once it runs, which it says in its first line.
                Eventually.holds("the producer loop runs: " + lines, Duration.ofSeconds(60),
                        () -> lines.stream().anyMatch(l -> l.contains("producing to topic weather")));
                assertTrue(lines.stream().anyMatch(l -> l.endsWith(OfflineWeather.NOTICE)), "it says it is offline: " + lines);
                producer.destroy();
                assertTrue(producer.waitFor(60, TimeUnit.SECONDS), "it stops on SIGTERM");
                assertEquals(0, producer.exitValue(), "a stop on SIGTERM is a success");
            } finally {
                producer.destroyForcibly();
            }
            assertEquals(0, weatherServices.getRequestCount(), "no weather service was called");
        }
    }

    private static List<String> readInBackground(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
