package dev.kafkapipeline.vis.table;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of records as an aligned plain-text table, a column per record component:
 * what the original notebook got from a DataFrame's display, readable in every
 * kernel and in nbconvert's output.
 */
public final class RecordTable {
    static final int MAX_CELL = 28;

    private RecordTable() {}

    /** The first {@code limit} rows with a header line; an empty list gives "(no rows)". */
    public static String of(List<? extends Record> rows, int limit) {
        if (rows.isEmpty()) {
            return "(no rows)";
        }
        RecordComponent[] components = rows.get(0).getClass().getRecordComponents();
        List<String[]> lines = new ArrayList<>();
        String[] header = new String[components.length];
        for (int c = 0; c < components.length; c++) {
            header[c] = components[c].getName();
        }
        lines.add(header);
        for (Record row : rows.subList(0, Math.min(limit, rows.size()))) {
            String[] cells = new String[components.length];
            for (int c = 0; c < components.length; c++) {
                cells[c] = cell(value(components[c], row));
            }
            lines.add(cells);
        }
        int[] widths = new int[components.length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder formatted = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                formatted.append(c == 0 ? "" : "  ").append(String.format("%-" + widths[c] + "s", line[c]));
            }
            text.append(formatted.toString().stripTrailing()).append('\n');
        }
        if (rows.size() > limit) {
            text.append("... ").append(rows.size() - limit).append(" more rows\n");
        }
        return text.toString();
    }

    private static Object value(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + row.getClass().getSimpleName(), e);
        }
    }

    private static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
    }
}
