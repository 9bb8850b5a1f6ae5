package dev.kafkapipeline.owm.provider;

import dev.kafkapipeline.owm.report.WeatherReport;

/** A current-weather service: OpenWeatherMap with a key, Open-Meteo without. */
public interface WeatherProvider {
    /** A short name for the logs. */
    String name();

    WeatherReport current(String city) throws WeatherApiException, InterruptedException;
}
