package dev.kafkapipeline.owm.config;

import dev.kafkapipeline.common.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the original pipeline's owm-producer/openweathermap_service.cfg, an INI
 * file in Python configparser style:
 *
 * <pre>
 * [openweathermap_api_credential]
 * access_token = ...
 * </pre>
 *
 * A missing file, a missing entry or the shipped placeholder all mean "no key";
 * a line that is not INI fails with the file and line number.
 */
public final class CredentialFile {
    public static final String SECTION = "openweathermap_api_credential";
    public static final String ENTRY = "access_token";
    /** What the repository ships in place of a key. */
    public static final String PLACEHOLDER = "your-openweathermap-api-key";

    private CredentialFile() {}

    public static Optional<ApiKey> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The key in these lines, or empty; {@code source} names the file in error messages. */
    public static Optional<ApiKey> parse(List<String> lines, String source) {
        String section = null;
        String token = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new ConfigException(source + " line " + (i + 1) + ": a section header must end with ']'");
                }
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int separator = separatorIndex(line);
            if (separator <= 0) {
                // The line is not echoed: it may be a key pasted without "access_token =".
                throw new ConfigException(source + " line " + (i + 1) + ": expected 'name = value'");
            }
            String name = line.substring(0, separator).strip().toLowerCase(Locale.ROOT);
            if (SECTION.equals(section) && ENTRY.equals(name)) {
                token = line.substring(separator + 1).strip();
            }
        }
        return isPlaceholder(token) ? Optional.empty() : Optional.of(new ApiKey(token));
    }

    /** Blank, the shipped placeholder, or an obvious stand-in such as {@code <your key>}. */
    public static boolean isPlaceholder(String token) {
        return token == null || token.isBlank() || token.equalsIgnoreCase(PLACEHOLDER)
                || token.startsWith("<") || token.startsWith("${");
    }

    private static int separatorIndex(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }
}
