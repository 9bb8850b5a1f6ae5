package dev.kafkapipeline.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvConfigTest {
    @Test
    void unsetOrBlankValuesFallBackToTheDefault() {
        EnvConfig config = new EnvConfig(Map.of("BLANK", "  "));
        assertEquals("localhost:9092", config.string("KAFKA_BROKER_URL", "localhost:9092"));
        assertEquals(7, config.integer("BLANK", 7));
    }

    @Test
    void sleepTimeIsReadInSecondsWithFractions() {
        EnvConfig config = new EnvConfig(Map.of("SLEEP_TIME", "0.25"));
        assertEquals(Duration.ofMillis(250), config.seconds("SLEEP_TIME", Duration.ofSeconds(5)));
    }

    @Test
    void malformedNumbersNameTheVariableAndValue() {
        EnvConfig config = new EnvConfig(Map.of("SLEEP_TIME", "soon", "PORT", "70000"));
        ConfigException sleep = assertThrows(ConfigException.class, () -> config.seconds("SLEEP_TIME", Duration.ZERO));
        assertTrue(sleep.getMessage().contains("SLEEP_TIME") && sleep.getMessage().contains("'soon'"), sleep.getMessage());
        ConfigException port = assertThrows(ConfigException.class, () -> config.port("PORT", 1));
        assertTrue(port.getMessage().contains("70000"), port.getMessage());
    }

    @Test
    void negativeDurationsAreRejected() {
        EnvConfig config = new EnvConfig(Map.of("SLEEP_TIME", "-1"));
        assertThrows(ConfigException.class, () -> config.seconds("SLEEP_TIME", Duration.ZERO));
    }

    @Test
    void listsAreTrimmedAndSkipEmptyEntries() {
        EnvConfig config = new EnvConfig(Map.of("OWM_CITIES", " Melbourne, ,Adelaide "));
        assertEquals(List.of("Melbourne", "Adelaide"), config.list("OWM_CITIES", List.of()));
    }

    @Test
    void booleansAcceptCommonSpellingsAndRejectOthers() {
        EnvConfig config = new EnvConfig(Map.of("A", "yes", "B", "0", "C", "maybe"));
        assertTrue(config.bool("A", false));
        assertEquals(false, config.bool("B", true));
        assertThrows(ConfigException.class, () -> config.bool("C", false));
    }

    @Test
    void overridesLeaveTheOriginalUnchanged() {
        EnvConfig base = new EnvConfig(Map.of("X", "1"));
        EnvConfig changed = base.with(Map.of("X", "2"));
        assertEquals(1, base.integer("X", 0));
        assertEquals(2, changed.integer("X", 0));
    }
}
