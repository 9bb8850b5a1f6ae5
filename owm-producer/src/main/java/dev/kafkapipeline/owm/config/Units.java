package dev.kafkapipeline.owm.config;

import dev.kafkapipeline.common.config.ConfigException;
import java.util.Arrays;
import java.util.Locale;

/** OpenWeatherMap's unit systems: standard (Kelvin, m/s, the default), metric (°C, m/s), imperial (°F, mph). */
public enum Units {
    STANDARD, METRIC, IMPERIAL;

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Units parse(String variable, String value) {
        return Arrays.stream(values())
                .filter(u -> u.parameter().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new ConfigException(variable + " must be standard, metric or imperial, got '" + value + "'"));
    }
}
