package io.suiji.catalog.importing;

import io.suiji.catalog.matter.MatterColumn;
import io.suiji.catalog.matter.MatterContent;
import java.util.List;
import java.util.Set;

/** What a sheet says: one parsed row per matter, and the problems found while reading it. */
public record ParsedSheet(List<Row> rows, List<CellProblem> problems) {

    /**
     * One matter row. {@code content} holds what could be read; {@code unreadable} lists the columns
     * whose cells could not be (their problems are in the sheet's list), so that rules do not also
     * report them as missing.
     */
    public record Row(int number, MatterContent content, Set<MatterColumn> unreadable) {
    }

    public ParsedSheet {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
