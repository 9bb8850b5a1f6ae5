package dev.kafkapipeline.local.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows printed as aligned columns under a header, as cqlsh prints them: the
 * CLI's query results and status, and the fault run's table (whose figures
 * are right-aligned, so that their digits line up).
 */
public final class TextTable {
    private final List<String> header;
    private final int firstRightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Every column left-aligned. */
    public TextTable(List<String> header) {
        this(header, header.size());
    }

    /** @param firstRightAligned the first column of figures: it and the columns after it are right-aligned */
    public TextTable(List<String> header, int firstRightAligned) {
        this.header = List.copyOf(header);
        this.firstRightAligned = firstRightAligned;
    }

    public void add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, header has " + header.size());
        }
        rows.add(row.stream().map(cell -> cell == null ? "null" : cell).toList());
    }

    public int size() {
        return rows.size();
    }

    public String render() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String pad = " ".repeat(widths[i] - cells.get(i).length());
            line.append(i > 0 ? " | " : "").append(i >= firstRightAligned ? pad + cells.get(i) : cells.get(i) + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
