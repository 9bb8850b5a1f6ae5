package dev.kafkapipeline.f1.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkapipeline.common.json.Json;
import org.junit.jupiter.api.Test;

class StateMergeTest {
    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(text);
    }

    @Test
    void objectsMergeFieldByField() throws Exception {
        ObjectNode state = json("{\"Lines\":{\"16\":{\"InPit\":true,\"Line\":3}}}");
        StateMerge.merge(state, json("{\"Lines\":{\"16\":{\"InPit\":false},\"33\":{\"Line\":1}}}"));
        assertEquals(json("{\"Lines\":{\"16\":{\"InPit\":false,\"Line\":3},\"33\":{\"Line\":1}}}"), state);
    }

    @Test
    void aListSentOnceIsPatchedByAnObjectKeyedByIndexAndGrows() throws Exception {
        ObjectNode state = json("{\"Stints\":[{\"Compound\":\"SOFT\",\"TotalLaps\":3}]}");
        StateMerge.merge(state, json("{\"Stints\":{\"0\":{\"TotalLaps\":4},\"2\":{\"Compound\":\"HARD\"}}}"));
        assertEquals(json("{\"Stints\":[{\"Compound\":\"SOFT\",\"TotalLaps\":4},null,{\"Compound\":\"HARD\"}]}"), state);
    }

    @Test
    void anyOtherValueReplacesWhatWasThere() throws Exception {
        ObjectNode state = json("{\"Status\":\"Started\",\"Sectors\":[1,2],\"Meta\":{\"a\":1}}");
        StateMerge.merge(state, json("{\"Status\":\"Finished\",\"Sectors\":{\"x\":1},\"Meta\":\"gone\"}"));
        assertEquals(json("{\"Status\":\"Finished\",\"Sectors\":{\"x\":1},\"Meta\":\"gone\"}"), state);
    }
}
