package dev.kafkapipeline.faker;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import net.datafaker.Faker;

/**
 * The faker producer's own settings: FAKER_SEED (repeatable output),
 * FAKER_LOCALE (Datafaker's locales, en-US by default, en_AU or en-AU style) and
 * FAKER_UNIQUE_NAMES (true keeps every person as its own row).
 */
public record FakerSettings(Locale locale, OptionalLong seed, boolean uniqueNames) {
    public static final String SEED = "FAKER_SEED";
    public static final String LOCALE = "FAKER_LOCALE";
    public static final String UNIQUE_NAMES = "FAKER_UNIQUE_NAMES";

    public static FakerSettings from(EnvConfig env) {
        return new FakerSettings(locale(env.string(LOCALE, "en-US")), seed(env.raw(SEED)), env.bool(UNIQUE_NAMES, false));
    }

    private static OptionalLong seed(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new ConfigException(SEED + " must be a whole number, got '" + value + "'");
        }
    }

    private static Locale locale(String value) {
        String tag = value.replace('_', '-').toLowerCase(Locale.ROOT);
        // Datafaker silently falls back to English for a locale it lacks; say so instead.
        List<String> supported = new Faker().locality().allSupportedLocales();
        if (!supported.contains(tag)) {
            throw new ConfigException(LOCALE + " '" + value + "' is not a Datafaker locale; try one of "
                    + supported.stream().filter(l -> !l.startsWith("_")).toList());
        }
        return Locale.forLanguageTag(tag);
    }
}
