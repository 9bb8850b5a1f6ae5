package dev.kafkapipeline.vis.data;

import java.time.Instant;

/** One row of weatherreport (cassandra/schema.cql); temperatures in the producer's unit (Kelvin by default). */
public record WeatherRow(
        String location,
        Instant forecastDate,
        String description,
        Double temp,
        Double feelsLike,
        Double tempMin,
        Double tempMax,
        Double pressure,
        Double humidity,
        Double wind,
        Long sunrise,
        Long sunset) {}
