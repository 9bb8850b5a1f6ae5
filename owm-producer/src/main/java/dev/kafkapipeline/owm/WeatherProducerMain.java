package dev.kafkapipeline.owm;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.producer.ProducerLoop;
import dev.kafkapipeline.common.producer.ProducerSettings;
import dev.kafkapipeline.owm.config.WeatherSettings;
import dev.kafkapipeline.owm.provider.HttpGateway;
import dev.kafkapipeline.owm.provider.OpenMeteo;
import dev.kafkapipeline.owm.provider.OpenWeatherMap;
import dev.kafkapipeline.owm.provider.WeatherProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weather producer: current weather for OWM_CITIES to topic weather, each
 * city once every SLEEP_TIME seconds (60 by default), so the calls are spread
 * evenly: with two cities, one call every 30 s.
 */
public final class WeatherProducerMain {
    public static final Duration DEFAULT_SLEEP = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(WeatherProducerMain.class);

    private WeatherProducerMain() {}

    /** The producer settings, SLEEP_TIME divided among the cities. */
    public static ProducerSettings producerSettings(EnvConfig env, WeatherSettings weather) {
        ProducerSettings settings = ProducerSettings.from(env, "owm-producer", Topics.WEATHER, DEFAULT_SLEEP);
        return settings.withPause(settings.pause().dividedBy(weather.cities().size()));
    }

    /** OpenWeatherMap with a key (falling back to Open-Meteo if the key is refused), Open-Meteo without. */
    public static WeatherSource source(WeatherSettings weather, HttpGateway http, WeatherSource.Pause pause) {
        Clock clock = Clock.systemUTC();
        WeatherProvider openMeteo = new OpenMeteo(http, weather.geocodingUrl(), weather.openMeteoUrl(), weather.units(), clock);
        if (weather.apiKey().isEmpty()) {
            return new WeatherSource(weather.cities(), openMeteo, Optional.empty(), pause);
        }
        WeatherProvider owm = new OpenWeatherMap(http, weather.openWeatherMapUrl(), weather.apiKey().get(), weather.units(), clock);
        return new WeatherSource(weather.cities(), owm, Optional.of(openMeteo), pause);
    }

    public static void main(String[] args) {
        EnvConfig env = EnvConfig.fromEnvironment();
        WeatherSettings weather;
        ProducerSettings settings;
        boolean offline;
        try {
            weather = WeatherSettings.from(env);
            settings = producerSettings(env, weather);
            offline = env.bool(OfflineWeather.VARIABLE, false);
        } catch (ConfigException e) {
            LOG.error("bad configuration: {}", e.getMessage());
            System.exit(2);
            return;
        }
        if (offline) {
            LOG.warn(OfflineWeather.NOTICE);
            ProducerLoop.runAsService(settings, new OfflineWeather());
            return;
        }
        if (weather.apiKey().isPresent()) {
            LOG.info("weather from OpenWeatherMap (key from {}) for {}, units {}", weather.keySource(), weather.cities(),
                    weather.units().parameter());
        } else {
            LOG.warn("no OpenWeatherMap key (OWM_API_KEY is unset and {} has none): using Open-Meteo, which needs no key,"
                    + " for {}, units {}", weather.keySource(), weather.cities(), weather.units().parameter());
        }
        HttpGateway http = HttpGateway.withDefaultTimeouts(weather.apiKey());
        ProducerLoop.runAsService(settings, source(weather, http, wait -> Thread.sleep(wait.toMillis())));
    }
}
