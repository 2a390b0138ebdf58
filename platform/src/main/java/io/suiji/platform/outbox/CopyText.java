package io.suiji.platform.outbox;

import java.util.Collection;
import java.util.HexFormat;

/**
 * Builds rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash
 * escapes for tab, newline, carriage return and backslash itself. Shared because bulk writers
 * (the registry's imports, large draws) COPY their own rows beside the {@link OutboxCopy} events.
 */
public final class CopyText {

    private final StringBuilder out;
    private boolean rowStarted;
    private int rows;

    public CopyText() {
        this(1 << 16);
    }

    public CopyText(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** Appends a row made by another CopyText (one that ended it with {@link #endRow()}). */
    public CopyText line(String row) {
        out.append(row);
        rows++;
        return this;
    }

    public CopyText field(Object value) {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof byte[] bytes) {
            out.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** A {@code text[]} value. */
    public CopyText array(Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        boolean first = true;
        for (String v : values) {
            if (!first) {
                literal.append(',');
            }
            first = false;
            literal.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return field(literal.append('}').toString());
    }

    public CopyText endRow() {
        out.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    public String text() {
        return out.toString();
    }

    private void escape(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            out.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
