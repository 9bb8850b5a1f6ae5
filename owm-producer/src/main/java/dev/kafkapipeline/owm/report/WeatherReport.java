package dev.kafkapipeline.owm.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One current-weather report, as the weather topic carries it: temperatures in
 * the configured units, pressure in hPa, humidity in %, wind speed, and sunrise
 * and sunset in epoch seconds.
 */
public record WeatherReport(
        String location,
        Instant reportTime,
        String description,
        double temp,
        double feelsLike,
        double tempMin,
        double tempMax,
        double pressure,
        double humidity,
        double wind,
        long sunrise,
        long sunset) {

    public Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("location", location);
        fields.put("report_time", reportTime.toString());
        fields.put("description", description);
        fields.put("temp", temp);
        fields.put("feels_like", feelsLike);
        fields.put("temp_min", tempMin);
        fields.put("temp_max", tempMax);
        fields.put("pressure", pressure);
        fields.put("humidity", humidity);
        fields.put("wind", wind);
        fields.put("sunrise", sunrise);
        fields.put("sunset", sunset);
        return fields;
    }
}
