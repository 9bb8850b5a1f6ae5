package dev.kafkapipeline.f1.laps;

import static dev.kafkapipeline.f1.laps.TimingLines.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.f1.stream.Fields;
import dev.kafkapipeline.f1.stream.StreamFormatException;
import dev.kafkapipeline.f1.stream.Warnings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TyreHistoryTest {
    private final TyreHistory tyres = new TyreHistory();
    private final Warnings warnings = new Warnings();
    private int line;

    private void feed(long time, ObjectNode update) {
        tyres.update(time, update, new Fields("TimingAppData.jsonStream", ++line, warnings));
    }

    private void feed(TimingLines.Line l) {
        feed(l.millis(), l.update());
    }

    @Test
    void aListSentInFullIsPatchedByIndexAndEachStintKeepsTheTimeItFirstAppeared() throws Exception {
        feed(1_000, (ObjectNode) Json.MAPPER.readTree("{\"Lines\":{\"1\":{\"Stints\":[{\"Compound\":\"SOFT\",\"New\":\"false\","
                + "\"StartLaps\":3,\"TotalLaps\":3}]}}}"));
        feed(at("00:00:40.000").driver("1").stint(0, "SOFT", false, 3, 5));
        feed(at("00:01:10.000").driver("1").stint(1, "HARD", true, 0, 0));
        assertEquals(Map.of("1", List.of(new TyreStint("SOFT", false, 3, 5, 1_000), new TyreStint("HARD", true, 0, 0, 70_000))),
                tyres.stints());
    }

    @Test
    void anUnknownCompoundIsNone() {
        feed(at("00:00:01.000").driver("1").stint(0, "UNKNOWN", true, 0, 0));
        assertEquals(null, tyres.stints().get("1").get(0).compound());
    }

    @Test
    void aNewFlagThatIsNeitherTrueNorFalseIsAnErrorNamingTheLine() throws Exception {
        ObjectNode update = (ObjectNode) Json.MAPPER.readTree("{\"Lines\":{\"1\":{\"Stints\":{\"0\":{\"Compound\":\"SOFT\",\"New\":\"yes\"}}}}}");
        StreamFormatException e = assertThrows(StreamFormatException.class, () -> feed(1_000, update));
        assertEquals("TimingAppData.jsonStream line 1: New should be \"true\" or \"false\", got \"yes\"", e.getMessage());
    }

    @Test
    void startLapsSentAsTextAreReadWithAWarning() throws Exception {
        feed(1_000, (ObjectNode) Json.MAPPER.readTree("{\"Lines\":{\"1\":{\"Stints\":[{\"Compound\":\"SOFT\",\"StartLaps\":\"3\"}]}}}"));
        assertEquals(3, tyres.stints().get("1").get(0).startLaps());
        assertEquals(List.of("TimingAppData.jsonStream line 1: StartLaps is the text \"3\"; read as the number 3"), warnings.list());
    }
}
