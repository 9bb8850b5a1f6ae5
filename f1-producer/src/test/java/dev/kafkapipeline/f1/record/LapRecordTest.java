package dev.kafkapipeline.f1.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkapipeline.common.json.Json;
import dev.kafkapipeline.f1.laps.Driver;
import dev.kafkapipeline.f1.laps.Lap;
import dev.kafkapipeline.f1.laps.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LapRecordTest {
    private static final Session SESSION = new Session("2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race",
            "Azerbaijan Grand Prix Race", "Azerbaijan Grand Prix", "Baku", Instant.parse("2018-04-29T12:10:00Z"), "Race");
    private static final Driver LEC = new Driver("16", "LEC", "Charles LECLERC", "Sauber, \"Alfa\"");

    @Test
    void aLapIsAFlatRecordNamedLikeTheColumns() {
        Lap lap = Lap.builder(LEC, 41).lapTime(107_403L).position(6).tyres("ULTRASOFT", 1, true, 3).pitOut(true)
                .trackStatus("1,4").sectors(41_021L, 45_713L, 20_669L).times(0L, 0L).build();
        assertEquals("{\"session_key\":\"2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race\","
                + "\"session_name\":\"Azerbaijan Grand Prix Race\",\"track\":\"Baku\",\"date\":\"2018-04-29T12:10:00Z\","
                + "\"driver\":\"LEC\",\"driver_number\":\"16\",\"driver_name\":\"Charles LECLERC\",\"team\":\"Sauber, \\\"Alfa\\\"\","
                + "\"lap_number\":41,\"lap_time\":\"01:47.403\",\"lap_time_derived\":false,\"incomplete\":false,\"position\":6,"
                + "\"tyre_compound\":\"ULTRASOFT\",\"tyre_life\":1,\"fresh_tyre\":true,\"stint\":3,\"pit_stop\":false,\"pit_out\":true,"
                + "\"track_status\":\"1,4\",\"sector1_time\":\"41.021\",\"sector2_time\":\"45.713\",\"sector3_time\":\"20.669\","
                + "\"lap_time_ms\":107403,\"sector1_ms\":41021,\"sector2_ms\":45713,\"sector3_ms\":20669}",
                Json.toText(LapRecord.of(SESSION, lap)));
        assertEquals("2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race/LEC", LapRecord.key(SESSION, lap));
    }

    @Test
    void absentValuesAreLeftOutAndCsvQuotes() {
        Lap lap = Lap.builder(LEC, 40).incomplete(true).sectors(61_005L, null, null).build();
        var record = LapRecord.of(SESSION, lap);
        assertEquals(List.of("session_key", "session_name", "track", "date", "driver", "driver_number", "driver_name", "team",
                "lap_number", "lap_time_derived", "incomplete", "pit_stop", "pit_out", "sector1_time", "sector1_ms"), new ArrayList<>(record.keySet()));
        assertEquals("61.005", record.get("sector1_time"));
        assertEquals("2018/2018-04-29_Azerbaijan_Grand_Prix/2018-04-29_Race,Azerbaijan Grand Prix Race,Baku,2018-04-29T12:10:00Z,"
                + "LEC,16,Charles LECLERC,\"Sauber, \"\"Alfa\"\"\",40,,false,true,,,,,,false,false,,61.005,,,,61005,,", LapCsv.row(record));
    }
}
