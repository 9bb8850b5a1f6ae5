package dev.kafkapipeline.f1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.producer.ProducerSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class F1SettingsTest {
    @Test
    void defaultsAreThoseOfTheOriginalPipeline() {
        EnvConfig env = new EnvConfig(Map.of());
        F1Settings s = F1Settings.from(env);
        assertEquals("2023 Austria Race", s.session().toString());
        assertEquals(new DriverSelection(Set.of("VER", "LEC")), s.drivers());
        assertEquals(OptionalDouble.empty(), s.replaySpeed());
        assertEquals(List.of(URI.create("https://livetiming.formula1.com/static/")), s.archive().bases());
        ProducerSettings producer = F1ProducerMain.producerSettings(env);
        assertEquals(Duration.ofSeconds(1), producer.pause());
        assertEquals("fastf1", producer.topic());
    }

    @Test
    void readsEveryVariable() {
        EnvConfig env = new EnvConfig(Map.of(
                "F1_ARCHIVE_URL", "file:///data/f1", "F1_ARCHIVE_MIRRORS", "https://a.example/static, https://b.example/x/",
                "F1_SESSION", "2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race", "F1_DRIVERS", "all",
                "SLEEP_TIME", "0", "F1_REPLAY_SPEED", "20", "TOPIC_NAME", "laps", "F1_CACHE_DIR", "/tmp/f1cache"));
        F1Settings s = F1Settings.from(env);
        assertEquals(List.of(URI.create("file:///data/f1/"), URI.create("https://a.example/static/"), URI.create("https://b.example/x/")),
                s.archive().bases());
        assertTrue(s.session().isPath());
        assertEquals(DriverSelection.ALL, s.drivers());
        assertEquals(OptionalDouble.of(20.0), s.replaySpeed());
        assertEquals("/tmp/f1cache", s.archive().cacheDir().toString());
        ProducerSettings producer = F1ProducerMain.producerSettings(env);
        assertEquals(Duration.ZERO, producer.pause());
        assertEquals("laps", producer.topic());
    }

    @Test
    void badValuesNameTheVariable() {
        assertTrue(assertThrows(ConfigException.class, () -> F1Settings.from(new EnvConfig(Map.of("F1_REPLAY_SPEED", "fast"))))
                .getMessage().contains("F1_REPLAY_SPEED"));
        assertTrue(assertThrows(ConfigException.class, () -> F1Settings.from(new EnvConfig(Map.of("F1_REPLAY_SPEED", "0"))))
                .getMessage().contains("F1_REPLAY_SPEED"));
        assertTrue(assertThrows(ConfigException.class, () -> F1Settings.from(new EnvConfig(Map.of("F1_SESSION", "2023 Austria"))))
                .getMessage().contains("F1_SESSION"));
        assertEquals("F1_ARCHIVE_URL must be a URL or a folder, got 'https://live timing/static'", assertThrows(ConfigException.class,
                () -> F1Settings.from(new EnvConfig(Map.of("F1_ARCHIVE_URL", "https://live timing/static")))).getMessage());
    }
}
