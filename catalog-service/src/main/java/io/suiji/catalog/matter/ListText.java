package io.suiji.catalog.matter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting Chinese list text at separators that stand outside brackets, so that
 * {@code 劳动保障监察局（支队、大队）、就业促进局} is two units, not three.
 */
public final class ListText {

    private static final String OPENING = "（(《〈【[「";
    private static final String CLOSING = "）)》〉】]」";

    private ListText() {
    }

    /** The stripped, non-blank parts of {@code text} between top-level {@code separators}. */
    public static List<String> split(String text, String separators) {
        List<String> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPENING.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSING.indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
            if (depth == 0 && separators.indexOf(c) >= 0) {
                add(parts, part);
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        add(parts, part);
        return parts;
    }

    /** Whether {@code text} holds one of {@code separators} outside brackets (so it would split). */
    public static boolean containsSeparator(String text, String separators) {
        if (text == null) {
            return false;
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPENING.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSING.indexOf(c) >= 0 && depth > 0) {
                depth--;
            } else if (depth == 0 && separators.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<String> parts, StringBuilder part) {
        String s = part.toString().strip();
        if (!s.isEmpty()) {
            parts.add(s);
        }
    }
}
