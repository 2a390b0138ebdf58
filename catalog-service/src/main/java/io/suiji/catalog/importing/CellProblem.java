package io.suiji.catalog.importing;

/**
 * A problem of an uploaded sheet, where it is: a cell such as {@code H6}, or a parameter such as
 * {@code effectiveFrom}. Shown as {@code H6: 抽查比例 4% is below the 5% floor for 一般检查事项}.
 */
public record CellProblem(String cell, String message) {

    @Override
    public String toString() {
        return cell + ": " + message;
    }
}
