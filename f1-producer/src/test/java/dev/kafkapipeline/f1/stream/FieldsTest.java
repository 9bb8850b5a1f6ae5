package dev.kafkapipeline.f1.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkapipeline.common.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {
    private final Warnings warnings = new Warnings();
    private final Fields fields = new Fields("TimingData.jsonStream", 12, warnings);

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void valuesOfTheRightTypeAreReadAsTheyAre() throws Exception {
        JsonNode line = json("{\"NumberOfLaps\":7,\"InPit\":true,\"GapToLeader\":\"+1.360\",\"Speeds\":{}}");
        assertEquals(7, fields.integer(line, "NumberOfLaps"));
        assertEquals(Boolean.TRUE, fields.bool(line, "InPit"));
        assertEquals("+1.360", fields.text(line, "GapToLeader"));
        assertEquals(json("{}"), fields.object(line, "Speeds"));
        assertNull(fields.integer(line, "Retired"));
        assertNull(fields.text(json("{\"Value\":null}"), "Value"));
        assertEquals(List.of(), warnings.list());
    }

    @Test
    void aNumberOrBooleanSentAsTextIsReadWithAWarning() throws Exception {
        assertEquals(7, fields.integer(json("{\"NumberOfLaps\":\"7\"}"), "NumberOfLaps"));
        assertEquals(Boolean.FALSE, fields.bool(json("{\"InPit\":\"false\"}"), "InPit"));
        assertEquals("300", fields.text(json("{\"Value\":300}"), "Value"));
        assertEquals(List.of(
                "TimingData.jsonStream line 12: NumberOfLaps is the text \"7\"; read as the number 7",
                "TimingData.jsonStream line 12: InPit is the text \"false\"; read as the boolean false",
                "TimingData.jsonStream line 12: Value is the number 300; read as the text \"300\""), warnings.list());
    }

    @Test
    void aValueThatCannotBeReadAsItsTypeIsAnErrorNamingFileAndLine() throws Exception {
        assertEquals("TimingData.jsonStream line 12: NumberOfLaps should be a whole number, got the text \"seven\"",
                assertThrows(StreamFormatException.class, () -> fields.integer(json("{\"NumberOfLaps\":\"seven\"}"), "NumberOfLaps"))
                        .getMessage());
        assertEquals("TimingData.jsonStream line 12: NumberOfLaps should be a whole number, got the number 7.5",
                assertThrows(StreamFormatException.class, () -> fields.integer(json("{\"NumberOfLaps\":7.5}"), "NumberOfLaps"))
                        .getMessage());
        assertEquals("TimingData.jsonStream line 12: InPit should be true or false, got the number 1",
                assertThrows(StreamFormatException.class, () -> fields.bool(json("{\"InPit\":1}"), "InPit")).getMessage());
        assertEquals("TimingData.jsonStream line 12: Tla should be a text, got a list [\"VER\"]",
                assertThrows(StreamFormatException.class, () -> fields.text(json("{\"Tla\":[\"VER\"]}"), "Tla")).getMessage());
        assertEquals("TimingData.jsonStream line 12: Speeds should be an object, got the text \"fast\"",
                assertThrows(StreamFormatException.class, () -> fields.object(json("{\"Speeds\":\"fast\"}"), "Speeds")).getMessage());
    }
}
