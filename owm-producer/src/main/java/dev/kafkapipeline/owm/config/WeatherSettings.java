package dev.kafkapipeline.owm.config;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The weather producer's own settings. The key comes from OWM_API_KEY, else
 * from the credential file (OWM_CONFIG_FILE); without one, Open-Meteo is used.
 * The base URLs are there so tests can point the producer at a local server.
 */
public record WeatherSettings(
        Optional<ApiKey> apiKey,
        String keySource,
        List<String> cities,
        Units units,
        String openWeatherMapUrl,
        String geocodingUrl,
        String openMeteoUrl) {

    public static final String API_KEY = "OWM_API_KEY";
    public static final String CONFIG_FILE = "OWM_CONFIG_FILE";
    public static final String CITIES = "OWM_CITIES";
    public static final String UNITS = "OWM_UNITS";
    public static final String OWM_BASE_URL = "OWM_BASE_URL";
    public static final String GEOCODING_URL = "OPEN_METEO_GEOCODING_URL";
    public static final String OPEN_METEO_URL = "OPEN_METEO_URL";

    public static final String DEFAULT_CONFIG_FILE = "owm-producer/openweathermap_service.cfg";
    public static final List<String> DEFAULT_CITIES = List.of("Melbourne", "Adelaide");

    public static WeatherSettings from(EnvConfig env) {
        String fromEnv = env.raw(API_KEY);
        Optional<ApiKey> key;
        String keySource;
        if (fromEnv != null && !CredentialFile.isPlaceholder(fromEnv)) {
            key = Optional.of(new ApiKey(fromEnv));
            keySource = API_KEY;
        } else {
            String file = env.string(CONFIG_FILE, DEFAULT_CONFIG_FILE);
            key = CredentialFile.read(Path.of(file));
            keySource = file;
        }
        List<String> cities = env.list(CITIES, DEFAULT_CITIES);
        if (cities.isEmpty()) {
            throw new ConfigException(CITIES + " names no city");
        }
        return new WeatherSettings(key, keySource, cities,
                Units.parse(UNITS, env.string(UNITS, "standard")),
                env.string(OWM_BASE_URL, "https://api.openweathermap.org"),
                env.string(GEOCODING_URL, "https://geocoding-api.open-meteo.com"),
                env.string(OPEN_METEO_URL, "https://api.open-meteo.com"));
    }
}
