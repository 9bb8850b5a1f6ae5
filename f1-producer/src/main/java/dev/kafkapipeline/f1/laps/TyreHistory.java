package dev.kafkapipeline.f1.laps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.f1.stream.Fields;
import dev.kafkapipeline.f1.stream.StateMerge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tyre stints of every driver, from TimingAppData updates: merged into the
 * final state, with the stream time at which each stint was first reported
 * (which tells a tyre change from a drive-through when both show as pit stops).
 */
public final class TyreHistory {
    private final ObjectNode state = Json.MAPPER.createObjectNode();
    private final Map<String, List<Long>> appeared = new HashMap<>();

    /** @param fields the update's line, for checking the stints' fields and for messages */
    public void update(long time, ObjectNode update, Fields fields) {
        JsonNode lines = fields.object(update, "Lines");
        if (lines != null) {
            lines.fields().forEachRemaining(driver -> check(driver.getValue(), fields));
        }
        StateMerge.merge(state, update);
        if (lines == null) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> drivers = lines.fields();
        while (drivers.hasNext()) {
            Map.Entry<String, JsonNode> driver = drivers.next();
            if (driver.getValue().has("Stints")) {
                int size = state.path("Lines").path(driver.getKey()).path("Stints").size();
                List<Long> times = appeared.computeIfAbsent(driver.getKey(), k -> new ArrayList<>());
                while (times.size() < size) {
                    times.add(time);
                }
            }
        }
    }

    /** The stints of one driver's update are read leniently at the end; their fields are checked as they come. */
    private static void check(JsonNode driver, Fields fields) {
        if (!driver.isObject() || !driver.has("Stints") || driver.get("Stints").isNull()) {
            return;
        }
        JsonNode stints = driver.get("Stints");
        if (!stints.isArray() && !stints.isObject()) {
            throw fields.error("Stints should be a list or an object, got " + stints);
        }
        for (JsonNode stint : stints) {
            if (stint.isNull()) {
                continue;
            }
            if (!stint.isObject()) {
                throw fields.error("a stint should be an object, got " + stint);
            }
            fields.text(stint, "Compound");
            fields.integer(stint, "StartLaps");
            fields.integer(stint, "TotalLaps");
            String fresh = fields.text(stint, "New");
            if (fresh != null && !fresh.equals("true") && !fresh.equals("false")) {
                throw fields.error("New should be \"true\" or \"false\", got \"" + fresh + "\"");
            }
        }
    }

    /** Racing number to stints, in order; drivers without stints are absent. */
    public Map<String, List<TyreStint>> stints() {
        Map<String, List<TyreStint>> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> drivers = state.path("Lines").fields();
        while (drivers.hasNext()) {
            Map.Entry<String, JsonNode> driver = drivers.next();
            JsonNode stints = driver.getValue().path("Stints");
            if (stints.isEmpty()) {
                continue;
            }
            List<Long> times = appeared.getOrDefault(driver.getKey(), List.of());
            List<TyreStint> list = new ArrayList<>();
            int i = 0;
            for (JsonNode stint : stints) {
                long at = i < times.size() ? times.get(i) : -1;
                String compound = stint.path("Compound").asText("");
                JsonNode fresh = stint.get("New");
                list.add(new TyreStint(compound.isEmpty() || compound.equals("UNKNOWN") ? null : compound,
                        fresh == null || fresh.isNull() ? null : Boolean.valueOf(fresh.asText()),
                        stint.path("StartLaps").asInt(0), stint.path("TotalLaps").asInt(0), at));
                i++;
            }
            result.put(driver.getKey(), List.copyOf(list));
        }
        return result;
    }
}
