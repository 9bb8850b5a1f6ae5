package dev.kafkapipeline.owm;

import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.RecordSource;
import java.util.Optional;

/**
 * The weather producer without the internet ({@code ./pipeline up --offline}
 * sets PIPELINE_OFFLINE=true): both weather services are on the internet, so
 * there is nothing to report. It says so once and waits until it is stopped,
 * rather than retrying calls that cannot succeed.
 */
final class OfflineWeather implements RecordSource {
    static final String VARIABLE = "PIPELINE_OFFLINE";
    static final String NOTICE = "offline: no weather to report (OpenWeatherMap and Open-Meteo need the internet)";

    /** Blocks until the producer is stopped, which interrupts it; it never has a record. */
    @Override
    public Optional<KeyedRecord> next() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
        return Optional.empty();
    }
}
