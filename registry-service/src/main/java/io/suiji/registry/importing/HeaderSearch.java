package io.suiji.registry.importing;

import io.suiji.registry.FieldProblem;
import java.util.List;

/**
 * Finds the header row: the first row naming the key column, among the first rows of the file
 * (title rows such as "平顶山市检查对象名录" above it are skipped).
 */
final class HeaderSearch {

    static final int MAX_TITLE_ROWS = 10;

    private final ImportEngine engine;
    private int nonBlankSeen;
    private boolean found;

    HeaderSearch(ImportEngine engine) {
        this.engine = engine;
    }

    static final class HeaderException extends RuntimeException {
        final List<FieldProblem> problems;

        HeaderException(String message, List<FieldProblem> problems) {
            super(message);
            this.problems = problems;
        }
    }

    boolean found() {
        return found;
    }

    /** Offers a row before the header is found; throws when the header is wrong or not there. */
    void offer(long number, List<String> cells, String expected) {
        if (blank(cells)) {
            return;
        }
        nonBlankSeen++;
        // A title is one cell (often merged across the sheet); the first row with more is the header, right or wrong.
        if (engine.isHeader(cells) || filled(cells) >= 2) {
            HeaderMap.Result<?> result = engine.header(cells, number);
            if (!result.valid()) {
                throw new HeaderException("the header row (row " + number + ") is not right; expected the columns " + expected,
                        result.problems());
            }
            found = true;
        } else if (nonBlankSeen >= MAX_TITLE_ROWS) {
            throw notFound(expected);
        }
    }

    HeaderException notFound(String expected) {
        return new HeaderException("no header row found; the first row must name the columns " + expected,
                List.of(new FieldProblem("header", "expected the columns " + expected)));
    }

    private static long filled(List<String> cells) {
        return cells.stream().filter(c -> c != null && !c.isBlank()).count();
    }

    static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
