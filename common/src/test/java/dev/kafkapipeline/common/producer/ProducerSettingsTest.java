package dev.kafkapipeline.common.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.config.EnvConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {
    @Test
    void defaultsAreEachProducersOwn() {
        ProducerSettings settings = ProducerSettings.from(new EnvConfig(Map.of()), "faker-producer", "faker", Duration.ofSeconds(5));
        assertEquals("faker", settings.topic());
        assertEquals(Duration.ofSeconds(5), settings.pause());
        assertEquals("localhost:9092", settings.bootstrapServers());
    }

    @Test
    void theOriginalVariablesOverrideThem() {
        EnvConfig env = new EnvConfig(Map.of("TOPIC_NAME", "people", "SLEEP_TIME", "0", "KAFKA_BROKER_URL", "broker:29092"));
        ProducerSettings settings = ProducerSettings.from(env, "faker-producer", "faker", Duration.ofSeconds(5));
        assertEquals("people", settings.topic());
        assertEquals(Duration.ZERO, settings.pause());
        assertEquals("broker:29092", settings.bootstrapServers());
    }
}
