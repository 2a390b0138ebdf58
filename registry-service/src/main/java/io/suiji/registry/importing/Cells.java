package io.suiji.registry.importing;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the cells of an import as clerks write them; each reader throws {@link CellException} saying what it expected. */
final class Cells {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[、，,;；/\\n|]+");

    private Cells() {
    }

    static final class CellException extends RuntimeException {
        CellException(String message) {
            super(message);
        }
    }

    static String text(String cell) {
        if (cell == null) {
            return null;
        }
        String s = cell.strip();
        return s.isEmpty() ? null : s;
    }

    static LocalDate date(String cell) {
        String s = text(cell);
        if (s == null) {
            return null;
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(s);
        }
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw new CellException(s + " is not a date");
            }
        }
        throw new CellException(s + " is not a date (write 2024-03-01, 2024/3/1 or 2024年3月1日)");
    }

    static int count(String cell) {
        String s = text(cell);
        if (s == null) {
            return 0;
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).replace("次", "");
        try {
            double value = Double.parseDouble(s);
            if (value >= 0 && value == Math.floor(value) && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CellException(s + " is not a whole number from 0 up");
    }

    static boolean yesNo(String cell) {
        String s = text(cell);
        if (s == null) {
            return false;
        }
        return switch (Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)) {
            case "是", "有", "y", "yes", "true", "1", "√" -> true;
            case "否", "无", "n", "no", "false", "0", "×" -> false;
            default -> throw new CellException(s + " is not 是 or 否");
        };
    }

    static List<String> list(String cell) {
        String s = text(cell);
        List<String> items = new ArrayList<>();
        if (s == null) {
            return items;
        }
        for (String item : LIST_SEPARATORS.split(s)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }
}
