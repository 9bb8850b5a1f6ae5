package dev.kafkapipeline.f1.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Merges one incremental update into the state built so far, as the live-timing
 * feed intends: objects merge field by field; a list sent once in full is later
 * patched by an object whose keys are indices ("0", "1", ...); any other value
 * replaces what was there.
 */
public final class StateMerge {
    private StateMerge() {}

    public static void merge(ObjectNode state, JsonNode update) {
        Iterator<Map.Entry<String, JsonNode>> fields = update.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode incoming = field.getValue();
            JsonNode current = state.get(field.getKey());
            if (incoming.isObject() && current instanceof ObjectNode target) {
                merge(target, incoming);
            } else if (incoming.isObject() && current instanceof ArrayNode list && indexKeyed(incoming)) {
                patch(list, incoming);
            } else {
                state.set(field.getKey(), incoming);
            }
        }
    }

    private static void patch(ArrayNode list, JsonNode byIndex) {
        Iterator<Map.Entry<String, JsonNode>> fields = byIndex.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            int index = Integer.parseInt(field.getKey());
            while (list.size() <= index) {
                list.add(NullNode.getInstance());
            }
            JsonNode incoming = field.getValue();
            JsonNode current = list.get(index);
            if (incoming.isObject() && current instanceof ObjectNode target) {
                merge(target, incoming);
            } else {
                list.set(index, incoming);
            }
        }
    }

    private static boolean indexKeyed(JsonNode object) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.isEmpty() || name.length() > 4 || !name.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return true;
    }
}
