package io.suiji.registry.importing;

import io.suiji.registry.FieldProblem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where each column is in a file, from its header row. Columns may come in any order; white space
 * and full-width forms in a header are ignored. A missing required column, an unknown column or a
 * column given twice fails the file at once, naming the expected headers.
 */
public final class HeaderMap<C extends Enum<C> & ImportColumn> {

    private static final java.util.regex.Pattern IGNORED = java.util.regex.Pattern.compile("[\\s\\u3000\\uFEFF*]");

    private final Map<C, Integer> positions;
    private final List<String> headers;

    private HeaderMap(Map<C, Integer> positions, List<String> headers) {
        this.positions = positions;
        this.headers = headers;
    }

    /** The outcome of reading a header row: the map, or the problems (field = the cell, e.g. {@code C1}). */
    public record Result<C extends Enum<C> & ImportColumn>(HeaderMap<C> map, List<FieldProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static <C extends Enum<C> & ImportColumn> Result<C> read(List<String> header, int rowNumber, Class<C> type) {
        Map<C, Integer> positions = new EnumMap<>(type);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String text = normalise(header.get(i));
            if (text.isEmpty()) {
                continue;
            }
            Optional<C> column = match(text, type);
            String cell = columnLetter(i) + rowNumber;
            if (column.isEmpty()) {
                problems.add(new FieldProblem(cell, "unknown column " + header.get(i).strip() + "; the columns are "
                        + expected(type)));
            } else if (positions.containsKey(column.get())) {
                problems.add(new FieldProblem(cell, "column " + column.get().header() + " is given twice"));
            } else {
                positions.put(column.get(), i);
            }
        }
        for (C column : type.getEnumConstants()) {
            if (column.required() && !positions.containsKey(column)) {
                problems.add(new FieldProblem("header", "the required column " + column.header() + " is missing; the columns are "
                        + expected(type)));
            }
        }
        return new Result<>(problems.isEmpty() ? new HeaderMap<>(positions, List.copyOf(header)) : null, List.copyOf(problems));
    }

    /** Whether a row looks like a header row of this kind (it names the first required column). */
    public static <C extends Enum<C> & ImportColumn> boolean isHeader(List<String> row, Class<C> type) {
        C key = type.getEnumConstants()[0];
        return row.stream().map(HeaderMap::normalise).anyMatch(t -> matches(t, key));
    }

    /** The expected headers, required ones marked with *. */
    public static <C extends Enum<C> & ImportColumn> String expected(Class<C> type) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.header() + (c.required() ? "*" : ""))
                .collect(Collectors.joining(" | ")) + " (* required)";
    }

    /**
     * Whether a data row repeats the header (a table continued on a new page): cheap, since it runs
     * on every row — the key column's cell equals the header's.
     */
    public boolean repeatsHeader(List<String> row, C key) {
        Integer i = positions.get(key);
        return i != null && i < row.size() && row.get(i) != null && row.get(i).strip().equals(headers.get(i).strip());
    }

    public boolean has(C column) {
        return positions.containsKey(column);
    }

    /** The cell of {@code column} in {@code row}, stripped; null when the file has no such column. */
    public String cell(List<String> row, C column) {
        Integer i = positions.get(column);
        if (i == null) {
            return null;
        }
        return i < row.size() && row.get(i) != null ? row.get(i).strip() : "";
    }

    /** The header row as the file gives it. */
    public List<String> headers() {
        return headers;
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return IGNORED.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }

    private static <C extends Enum<C> & ImportColumn> Optional<C> match(String text, Class<C> type) {
        for (C column : type.getEnumConstants()) {
            if (matches(text, column)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String text, ImportColumn column) {
        if (normalise(column.header()).equals(text)) {
            return true;
        }
        return column.aliases().stream().anyMatch(alias -> normalise(alias).equals(text));
    }

    static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }
}
