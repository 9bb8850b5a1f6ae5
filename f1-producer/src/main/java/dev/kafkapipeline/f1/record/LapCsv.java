package dev.kafkapipeline.f1.record;

import dev.kafkapipeline.common.rows.LapColumn;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The records as CSV (RFC 4180 quoting), one header row with the column names, in {@link LapColumn}'s order. */
public final class LapCsv {
    private LapCsv() {}

    public static String header() {
        return Arrays.stream(LapColumn.values()).map(LapColumn::column).collect(Collectors.joining(","));
    }

    public static String row(Map<String, Object> record) {
        StringBuilder line = new StringBuilder(160);
        for (LapColumn column : LapColumn.values()) {
            if (column.ordinal() > 0) {
                line.append(',');
            }
            Object value = record.get(column.column());
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
