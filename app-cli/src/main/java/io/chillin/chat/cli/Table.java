package io.chillin.chat.cli;

import io.chillin.chat.domain.Text;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns; numbers (cells that look numeric) are right-aligned. */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private boolean alignNumbers = true;

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** A table of fields and values, where a number is just a value: everything left-aligned. */
    public static Table fields() {
        Table table = new Table("FIELD", "VALUE");
        table.alignNumbers = false;
        return table;
    }

    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "" : oneLine(cell.toString()));
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The lines of the table; {@code header} styles the header line (bold on a terminal, identity elsewhere). */
    public List<String> render(java.util.function.UnaryOperator<String> header) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Text.length(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], Text.length(row.get(c)));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(header.apply(line(headers, widths, false)));
        for (List<String> row : rows) {
            lines.add(line(row, widths, alignNumbers));
        }
        return lines;
    }

    private static String line(List<String> cells, int[] widths, boolean alignNumbers) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            int pad = widths[c] - Text.length(cell);
            boolean right = alignNumbers && isNumeric(cell);
            if (c > 0) {
                out.append("  ");
            }
            if (right) {
                out.append(" ".repeat(pad)).append(cell);
            } else {
                out.append(cell);
                if (c < cells.size() - 1) {
                    out.append(" ".repeat(pad));
                }
            }
        }
        return out.toString().stripTrailing();
    }

    private static boolean isNumeric(String cell) {
        return cell.equals("-") || !cell.isEmpty() && cell.matches("-?[0-9][0-9.,]*( ?(ms|%|/s))?");
    }

    /** Cells stay on one line: line breaks in descriptions and messages are shown as the two characters "\n". */
    private static String oneLine(String s) {
        return s.replace("\r", "").replace("\n", "\\n").replace("\t", " ");
    }
}
