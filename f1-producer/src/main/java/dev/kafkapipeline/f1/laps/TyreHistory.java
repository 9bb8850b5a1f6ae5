package dev.kafkapipeline.f1.laps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkapipeline.common.json.Json;
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

    public void update(long time, ObjectNode update) {
        StateMerge.merge(state, update);
        JsonNode lines = update.get("Lines");
        if (lines == null || !lines.isObject()) {
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
