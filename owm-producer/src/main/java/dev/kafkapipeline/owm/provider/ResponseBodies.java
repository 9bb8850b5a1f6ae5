package dev.kafkapipeline.owm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.config.ConfigException;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.owm.provider.WeatherApiException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;

/** Reading the weather services' JSON answers, failing with a message that names the missing field. */
final class ResponseBodies {
    private static final int PREVIEW = 80;

    private ResponseBodies() {}

    static HttpUrl baseUrl(String url, String variable) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new ConfigException(variable + " must be an http(s) URL, got '" + url + "'");
        }
        return parsed;
    }

    /** The JSON tree, or null when the body is not JSON (an HTML error page, a cut-off answer). */
    static JsonNode readOrNull(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static Number number(JsonNode parent, String field, String city) throws WeatherApiException {
        JsonNode value = parent.path(field);
        if (!value.isNumber()) {
            throw new WeatherApiException(Kind.MALFORMED, "answer for '" + city + "' has no number in field '" + field
                    + "'" + (value.isMissingNode() ? "" : ", got " + preview(value.toString().getBytes(StandardCharsets.UTF_8))));
        }
        return value.numberValue();
    }

    /** Element {@code index} of a daily array such as {@code daily.sunrise}. */
    static Number number(JsonNode array, int index, String field, String city) throws WeatherApiException {
        JsonNode value = array.path(index);
        if (!value.isNumber()) {
            throw new WeatherApiException(Kind.MALFORMED, "answer for '" + city + "' has no number in field '" + field + "[" + index + "]'");
        }
        return value.numberValue();
    }

    static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return text.length() <= PREVIEW ? "'" + text + "'" : "'" + text.substring(0, PREVIEW) + "...'";
    }
}
