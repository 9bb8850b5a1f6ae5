package dev.kafkapipeline.f1.record;

import java.util.List;
import java.util.Map;

/** The records as CSV (RFC 4180 quoting), one header row with the column names. */
public final class LapCsv {
    private LapCsv() {}

    public static String header() {
        return String.join(",", LapRecord.COLUMNS);
    }

    public static String row(Map<String, Object> record) {
        StringBuilder line = new StringBuilder(160);
        List<String> columns = LapRecord.COLUMNS;
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = record.get(columns.get(i));
            if (value != null) {
                line.append(quoted(value.toString()));
            }
        }
        return line.toString();
    }

    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
