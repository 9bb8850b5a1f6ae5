package dev.kafkapipeline.owm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherSettingsTest {
    @Test
    void defaultsAreTheOriginalPipelinesCitiesInKelvinWithoutAKey(@TempDir Path dir) {
        WeatherSettings settings = WeatherSettings.from(new EnvConfig(Map.of("OWM_CONFIG_FILE", dir.resolve("none.cfg").toString())));
        assertEquals(List.of("Melbourne", "Adelaide"), settings.cities());
        assertEquals(Units.STANDARD, settings.units());
        assertEquals(Optional.empty(), settings.apiKey());
        assertEquals("https://api.openweathermap.org", settings.openWeatherMapUrl());
    }

    @Test
    void theEnvironmentKeyWinsOverTheFile(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("owm.cfg");
        Files.writeString(cfg, "[openweathermap_api_credential]\naccess_token = from-file\n");
        EnvConfig env = new EnvConfig(Map.of("OWM_CONFIG_FILE", cfg.toString()));
        assertEquals(Optional.of(new ApiKey("from-file")), WeatherSettings.from(env).apiKey());
        assertEquals(cfg.toString(), WeatherSettings.from(env).keySource());
        WeatherSettings withEnv = WeatherSettings.from(env.with(Map.of("OWM_API_KEY", "from-env")));
        assertEquals(Optional.of(new ApiKey("from-env")), withEnv.apiKey());
        assertEquals("OWM_API_KEY", withEnv.keySource());
    }

    @Test
    void citiesAndUnitsAreConfigurable(@TempDir Path dir) {
        WeatherSettings settings = WeatherSettings.from(new EnvConfig(Map.of(
                "OWM_CONFIG_FILE", dir.resolve("none.cfg").toString(),
                "OWM_CITIES", "Perth, Hobart,,Darwin", "OWM_UNITS", "Metric")));
        assertEquals(List.of("Perth", "Hobart", "Darwin"), settings.cities());
        assertEquals(Units.METRIC, settings.units());
    }

    @Test
    void unknownUnitsAreNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> WeatherSettings.from(new EnvConfig(Map.of("OWM_UNITS", "kelvin"))));
        assertTrue(e.getMessage().contains("OWM_UNITS") && e.getMessage().contains("'kelvin'"), e.getMessage());
    }
}
