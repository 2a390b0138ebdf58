package io.suiji.catalog.importing;

import java.util.List;

/**
 * One row of an uploaded sheet: its number as the spreadsheet shows it (1-based) and the text of
 * its cells from column A on.
 */
public record SheetRow(int number, List<String> cells) {

    public SheetRow {
        cells = cells.stream().map(c -> c == null ? "" : c).toList();
    }

    /** The text of column {@code index} (0 = A); empty past the row's last cell. */
    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    public boolean blank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
