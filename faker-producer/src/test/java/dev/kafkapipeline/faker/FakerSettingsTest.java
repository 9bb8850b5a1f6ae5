package dev.kafkapipeline.faker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.config.EnvConfig;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FakerSettingsTest {
    @Test
    void defaultsAreEnglishUnseededAndNamesAsTheyCome() {
        FakerSettings settings = FakerSettings.from(new EnvConfig(Map.of()));
        assertEquals(Locale.forLanguageTag("en-US"), settings.locale());
        assertEquals(OptionalLong.empty(), settings.seed());
        assertFalse(settings.uniqueNames());
    }

    @Test
    void localesAreAcceptedInEitherSpelling() {
        EnvConfig env = new EnvConfig(Map.of("FAKER_LOCALE", "en_AU", "FAKER_SEED", "7", "FAKER_UNIQUE_NAMES", "true"));
        FakerSettings settings = FakerSettings.from(env);
        assertEquals(Locale.forLanguageTag("en-AU"), settings.locale());
        assertEquals(OptionalLong.of(7), settings.seed());
        assertTrue(settings.uniqueNames());
    }

    @Test
    void anUnknownLocaleOrSeedIsNamedInsteadOfIgnored() {
        ConfigException locale = assertThrows(ConfigException.class,
                () -> FakerSettings.from(new EnvConfig(Map.of("FAKER_LOCALE", "xx_YY"))));
        assertTrue(locale.getMessage().startsWith("FAKER_LOCALE 'xx_YY' is not a Datafaker locale"), locale.getMessage());
        ConfigException seed = assertThrows(ConfigException.class,
                () -> FakerSettings.from(new EnvConfig(Map.of("FAKER_SEED", "abc"))));
        assertTrue(seed.getMessage().contains("FAKER_SEED") && seed.getMessage().contains("'abc'"), seed.getMessage());
    }
}
