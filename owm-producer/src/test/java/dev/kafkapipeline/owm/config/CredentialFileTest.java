package dev.kafkapipeline.owm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkapipeline.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialFileTest {
    @Test
    void readsTheOriginalFormat() {
        Optional<ApiKey> key = CredentialFile.parse(List.of(
                "[openweathermap_api_credential]",
                "access_token = 0123456789abcdef0123456789abcdef"), "owm.cfg");
        assertEquals(Optional.of(new ApiKey("0123456789abcdef0123456789abcdef")), key);
    }

    @Test
    void acceptsConfigparserVariations() {
        Optional<ApiKey> key = CredentialFile.parse(List.of(
                "# my key",
                "[other]",
                "access_token = not-this-one",
                "",
                "[ openweathermap_api_credential ]",
                "; comment",
                "  ACCESS_TOKEN:abc123  "), "owm.cfg");
        assertEquals(Optional.of(new ApiKey("abc123")), key);
    }

    @Test
    void thePlaceholderOrAnEmptyEntryMeansNoKey() {
        assertEquals(Optional.empty(), CredentialFile.parse(List.of("[openweathermap_api_credential]",
                "access_token = " + CredentialFile.PLACEHOLDER), "owm.cfg"));
        assertEquals(Optional.empty(), CredentialFile.parse(List.of("[openweathermap_api_credential]", "access_token ="), "owm.cfg"));
        assertEquals(Optional.empty(), CredentialFile.parse(List.of("[openweathermap_api_credential]"), "owm.cfg"));
    }

    @Test
    void theShippedFileHoldsOnlyThePlaceholder() {
        // The module's tests run in owm-producer/, where the file lives.
        Path shipped = Path.of("openweathermap_service.cfg");
        assertTrue(Files.isRegularFile(shipped), "shipped cfg at " + shipped.toAbsolutePath());
        assertEquals(Optional.empty(), CredentialFile.read(shipped));
    }

    @Test
    void aMissingFileMeansNoKey(@TempDir Path dir) {
        assertEquals(Optional.empty(), CredentialFile.read(dir.resolve("absent.cfg")));
    }

    @Test
    void aBrokenLineIsNamedWithoutEchoingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("owm.cfg");
        Files.writeString(file, "[openweathermap_api_credential]\n0123456789abcdef0123456789abcdef\n");
        ConfigException e = assertThrows(ConfigException.class, () -> CredentialFile.read(file));
        assertEquals(file + " line 2: expected 'name = value'", e.getMessage());
        assertFalse(e.getMessage().contains("0123456789abcdef"));
    }

    @Test
    void theKeyNeverPrintsItself() {
        ApiKey key = new ApiKey("s3cr3t-key");
        assertFalse(key.toString().contains("s3cr3t"));
        assertEquals("GET /weather?appid=***&q=Perth", key.redact("GET /weather?appid=s3cr3t-key&q=Perth"));
    }
}
