package dev.kafkapipeline.f1.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Typed reading of the fields of one update line. The feed's types are fixed
 * (a lap count is a number, InPit a boolean, a time a text); a value sent as a
 * text where a number or boolean belongs, or as a number where a text belongs,
 * is read with a warning that names the file, the line and the value taken;
 * anything else of the wrong type is a {@link StreamFormatException} naming the
 * file and the line.
 */
public record Fields(String file, int line, Warnings warnings) {

    /** The field's whole number; null when absent or JSON null. */
    public Integer integer(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                int number = Integer.parseInt(value.textValue().trim());
                assumed(name, value, "the number " + number);
                return number;
            } catch (NumberFormatException e) {
                throw wrong(name, value, "a whole number");
            }
        }
        throw wrong(name, value, "a whole number");
    }

    /** The field's boolean; null when absent or JSON null. */
    public Boolean bool(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                assumed(name, value, "the boolean " + text);
                return Boolean.valueOf(text);
            }
        }
        throw wrong(name, value, "true or false");
    }

    /** The field's text; null when absent or JSON null. */
    public String text(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            assumed(name, value, "the text \"" + value.asText() + "\"");
            return value.asText();
        }
        throw wrong(name, value, "a text");
    }

    /** The field as an object to read further, or null when absent or JSON null. */
    public JsonNode object(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw wrong(name, value, "an object");
        }
        return value;
    }

    /** An error about this line: the file, the line and the problem. */
    public StreamFormatException error(String problem) {
        return new StreamFormatException(file, line, problem);
    }

    private void assumed(String name, JsonNode value, String taken) {
        warnings.add(file + ": " + name + " as " + value.getNodeType(),
                file + " line " + line + ": " + name + " is " + shown(value) + "; read as " + taken);
    }

    private StreamFormatException wrong(String name, JsonNode value, String expected) {
        return error(name + " should be " + expected + ", got " + shown(value));
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        String kind = value.isTextual() ? "the text " : value.isNumber() ? "the number "
                : value.isObject() ? "an object " : value.isArray() ? "a list " : "";
        return kind + (text.length() > 60 ? text.substring(0, 60) + "..." : text);
    }
}
