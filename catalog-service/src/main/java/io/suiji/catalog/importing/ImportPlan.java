package io.suiji.catalog.importing;

import io.suiji.catalog.matter.MatterColumn;
import io.suiji.catalog.matter.MatterContent;
import java.util.List;

/**
 * What importing a sheet would do, row by row, and every problem that stops it. A plan with
 * problems is never applied, not even in part.
 *
 * @param rows      one entry per matter row of the sheet, in sheet order
 * @param problems  every problem, with its cell
 * @param notInFile codes of published matters the sheet does not mention (they stay as they are)
 */
public record ImportPlan(List<Row> rows, List<CellProblem> problems, List<String> notInFile) {

    /** What the import does with one row. */
    public enum Action {
        /** a new matter, published at once */
        CREATE,
        /** a new published version of the matter of that name */
        REVISE,
        /** the matter of that name is a draft: it takes the row's content and is published */
        PUBLISH_DRAFT,
        /** the matter of that name already says exactly this */
        UNCHANGED
    }

    /**
     * @param baseVersion the version the row was compared with (null for CREATE); applying checks
     *                    it is still the latest, so a plan never overwrites a change made since
     */
    public record Row(int row, Action action, String code, MatterContent content, List<MatterColumn> changes,
            Integer baseVersion) {
    }

    public ImportPlan {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        notInFile = List.copyOf(notInFile);
    }

    public boolean applicable() {
        return problems.isEmpty();
    }

    public long count(Action action) {
        return rows.stream().filter(r -> r.action() == action).count();
    }
}
