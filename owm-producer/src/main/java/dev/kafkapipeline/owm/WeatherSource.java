package dev.kafkapipeline.owm;

import dev.kafkapipeline.common.producer.KeyedRecord;
import dev.kafkapipeline.common.producer.RecordSource;
import dev.kafkapipeline.common.retry.Backoff;
import dev.kafkapipeline.common.retry.Pause;
import dev.kafkapipeline.owm.provider.WeatherApiException;
import dev.kafkapipeline.owm.provider.WeatherProvider;
import dev.kafkapipeline.owm.report.WeatherReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Current weather for each city in turn, keyed by location. What a failed call
 * leads to:
 * <ul>
 * <li>key refused (401): one clear error, then Open-Meteo for the rest of the run
 *     (no retrying a key that will not work);</li>
 * <li>city not found (404): a warning, and the city leaves the rotation; the others go on;</li>
 * <li>too many calls (429): wait Retry-After (or {@link #RATE_LIMIT_WAIT}), then the same city again;</li>
 * <li>5xx, timeout, no connection: "nothing to report" in one line, wait 5 s, 10 s, 20 s ... up to 5 minutes
 *     ({@link #BACKOFF}), then the same city again, for as long as it takes;</li>
 * <li>an answer that is not the expected JSON: a warning naming what was wrong, and the next city.</li>
 * </ul>
 */
public final class WeatherSource implements RecordSource {
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
    static final Duration RATE_LIMIT_WAIT = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(WeatherSource.class);

    private final List<String> cities;
    private final Optional<WeatherProvider> fallback;
    private final Pause pause;
    private WeatherProvider provider;
    private int index;
    private int failuresInARow;

    public WeatherSource(List<String> cities, WeatherProvider provider, Optional<WeatherProvider> fallback, Pause pause) {
        this.cities = new ArrayList<>(cities);
        this.provider = provider;
        this.fallback = fallback;
        this.pause = pause;
    }

    @Override
    public boolean hasMore() {
        return !cities.isEmpty();
    }

    @Override
    public Optional<KeyedRecord> next() throws InterruptedException {
        String city = cities.get(index);
        try {
            WeatherReport report = provider.current(city);
            if (failuresInARow > 0) {
                LOG.info("{} answers again after {} failed tries", provider.name(), failuresInARow);
                failuresInARow = 0;
            }
            advance();
            return Optional.of(new KeyedRecord(report.location(), report.fields()));
        } catch (WeatherApiException e) {
            handle(city, e);
            return Optional.empty();
        }
    }

    /** The provider in use now (it changes when a key is refused). */
    public WeatherProvider provider() {
        return provider;
    }

    private void handle(String city, WeatherApiException e) throws InterruptedException {
        switch (e.kind()) {
            case KEY_REJECTED -> {
                if (fallback.isPresent() && fallback.get() != provider) {
                    provider = fallback.get();
                    LOG.error("{}. Using {} (no key needed) from now on; set a valid OWM_API_KEY and restart to go back.",
                            e.getMessage(), provider.name());
                } else {
                    LOG.error("{}; waiting {} before trying again", e.getMessage(), BACKOFF.max());
                    pause.sleep(BACKOFF.max());
                }
            }
            case CITY_NOT_FOUND -> {
                cities.remove(index);
                if (index >= cities.size()) {
                    index = 0;
                }
                if (cities.isEmpty()) {
                    LOG.error("{}; no city left to report on, stopping", e.getMessage());
                } else {
                    LOG.warn("{}; skipping it, still reporting on {}", e.getMessage(), cities);
                }
            }
            case RATE_LIMITED -> {
                Duration wait = e.retryAfter().orElse(RATE_LIMIT_WAIT);
                LOG.warn("{}; waiting {} s{}", e.getMessage(), wait.toSeconds(), e.retryAfter().isPresent() ? " as Retry-After says" : "");
                pause.sleep(wait);
            }
            case UNAVAILABLE -> {
                // Offline, this is all the producer has to say: one line a try, and it keeps trying.
                Duration wait = BACKOFF.after(++failuresInARow);
                LOG.warn("nothing to report: {} unavailable ({}); retrying '{}' in {} s (failures in a row: {})",
                        provider.name(), e.getMessage(), city, wait.toSeconds(), failuresInARow);
                pause.sleep(wait);
            }
            case MALFORMED -> {
                LOG.warn("{}; skipping this report", e.getMessage());
                advance();
            }
        }
    }

    private void advance() {
        index = (index + 1) % cities.size();
    }
}
