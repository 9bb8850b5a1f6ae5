package dev.kafkapipeline.owm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.service.ExitStatus;
import dev.kafkapipeline.common.service.ServiceExit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weather producer's entry point, run in this JVM. */
class WeatherProducerMainTest {
    @Test
    void aBadVariableExitsTwoWithOneLineNamingIt() {
        assertEquals(new ServiceExit(ExitStatus.BAD_CONFIGURATION,
                        "bad configuration: OWM_UNITS must be standard, metric or imperial, got 'kelvin'"),
                WeatherProducerMain.runner().run(new EnvConfig(Map.of("OWM_UNITS", "kelvin"))));
        assertEquals(new ServiceExit(ExitStatus.BAD_CONFIGURATION, "bad configuration: OWM_CITIES names no city"),
                WeatherProducerMain.runner().run(new EnvConfig(Map.of("OWM_CITIES", " , "))));
        assertEquals(new ServiceExit(ExitStatus.BAD_CONFIGURATION, "bad configuration: OWM_BASE_URL must be an http(s) URL, got 'not a url'"),
                WeatherProducerMain.runner().run(new EnvConfig(Map.of("OWM_API_KEY", "0b1c2d3e4f5a69788796a5b4c3d2e1f0",
                        "OWM_BASE_URL", "not a url"))));
    }
}
