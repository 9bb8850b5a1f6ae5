package dev.kafkapipeline.owm;

import dev.kafkapipeline.common.config.EnvConfig;
import dev.kafkapipeline.common.kafka.Topics;
import dev.kafkapipeline.common.producer.ProducerService;
import dev.kafkapipeline.common.producer.ProducerSettings;
import dev.kafkapipeline.common.retry.Pause;
import dev.kafkapipeline.common.service.Service;
import dev.kafkapipeline.common.service.ServiceRunner;
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
    public static WeatherSource source(WeatherSettings weather, HttpGateway http, Pause pause) {
        Clock clock = Clock.systemUTC();
        WeatherProvider openMeteo = new OpenMeteo(http, weather.geocodingUrl(), weather.openMeteoUrl(), weather.units(), clock);
        if (weather.apiKey().isEmpty()) {
            return new WeatherSource(weather.cities(), openMeteo, Optional.empty(), pause);
        }
        WeatherProvider owm = new OpenWeatherMap(http, weather.openWeatherMapUrl(), weather.apiKey().get(), weather.units(), clock);
        return new WeatherSource(weather.cities(), owm, Optional.of(openMeteo), pause);
    }

    public static void main(String[] args) {
        runner().runAndExit();
    }

    /** The service as main runs it; a test runs it in process with a configuration of its own. */
    public static ServiceRunner runner() {
        return new ServiceRunner("owm-producer", WeatherProducerMain::service);
    }

    private static Service service(EnvConfig env) {
        WeatherSettings weather = WeatherSettings.from(env);
        ProducerSettings settings = producerSettings(env, weather);
        if (env.bool(OfflineWeather.VARIABLE, false)) {
            LOG.warn(OfflineWeather.NOTICE);
            return new ProducerService(settings, new OfflineWeather());
        }
        if (weather.apiKey().isPresent()) {
            LOG.info("weather from OpenWeatherMap (key from {}) for {}, units {}", weather.keySource(), weather.cities(),
                    weather.units().parameter());
        } else {
            LOG.warn("no OpenWeatherMap key (OWM_API_KEY is unset and {} has none): using Open-Meteo, which needs no key,"
                    + " for {}, units {}", weather.keySource(), weather.cities(), weather.units().parameter());
        }
        HttpGateway http = HttpGateway.withDefaultTimeouts(weather.apiKey());
        return new ProducerService(settings, source(weather, http, Pause.SLEEP));
    }
}
