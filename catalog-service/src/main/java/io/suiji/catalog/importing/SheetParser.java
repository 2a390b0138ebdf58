package io.suiji.catalog.importing;

import io.suiji.catalog.matter.MatterColumn;
import io.suiji.catalog.matter.MatterContent;
import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a sheet in the attachment's layout. Rows above the header row (a title such as
 * "平顶山市人力资源和社会保障局……清单") are skipped; the header must be the attachment's, exactly;
 * blank rows and repeated header rows (a table continued on a new page) are skipped; every other
 * row is a matter, each cell read by {@link CellFormat}.
 */
public final class SheetParser {

    static final int HEADER_SEARCH_ROWS = 20;
    private static final List<String> HEADER = MatterColumn.headerRow();

    private SheetParser() {
    }

    public static ParsedSheet parse(List<SheetRow> sheet) {
        List<CellProblem> problems = new ArrayList<>();
        int headerIndex = findHeader(sheet);
        if (headerIndex < 0) {
            SheetRow first = sheet.stream().filter(r -> !r.blank()).findFirst().orElse(null);
            problems.add(new CellProblem("A" + (first == null ? 1 : first.number()),
                    "the header row was not found; the first row must read " + String.join(" | ", HEADER)));
            return new ParsedSheet(List.of(), problems);
        }
        SheetRow header = sheet.get(headerIndex);
        for (int c = 0; c < HEADER.size(); c++) {
            String found = normalised(header.cell(c));
            if (!found.equals(HEADER.get(c))) {
                problems.add(new CellProblem(MatterColumn.values()[c].cell(header.number()),
                        "expected the header " + HEADER.get(c) + ", found " + (found.isEmpty() ? "nothing" : found)));
            }
        }
        for (int c = HEADER.size(); c < header.cells().size(); c++) {
            if (!header.cell(c).isBlank()) {
                problems.add(new CellProblem(columnLetter(c) + header.number(),
                        "unexpected column " + header.cell(c).strip() + "; the catalogue has the eleven columns "
                                + String.join(" | ", HEADER)));
            }
        }
        if (!problems.isEmpty()) {
            return new ParsedSheet(List.of(), problems);
        }
        List<ParsedSheet.Row> rows = new ArrayList<>();
        for (SheetRow row : sheet.subList(headerIndex + 1, sheet.size())) {
            if (row.blank() || isHeader(row)) {
                continue;
            }
            rows.add(parseRow(row, problems));
        }
        return new ParsedSheet(rows, problems);
    }

    static ParsedSheet.Row parseRow(SheetRow row, List<CellProblem> problems) {
        Set<MatterColumn> unreadable = EnumSet.noneOf(MatterColumn.class);
        Reader r = new Reader(row, problems, unreadable);
        Integer order = r.read(MatterColumn.DISPLAY_ORDER, CellFormat::parseDisplayOrder);
        String name = r.read(MatterColumn.NAME, CellFormat::parseName);
        List<String> legalBases = r.read(MatterColumn.LEGAL_BASES, CellFormat::parseLegalBases);
        List<String> targetTypes = r.read(MatterColumn.TARGET_TYPES, CellFormat::parseTargetTypes);
        List<String> checkItems = r.read(MatterColumn.CHECK_ITEMS, CellFormat::parseCheckItems);
        MatterCategory category = r.read(MatterColumn.CATEGORY, CellFormat::parseCategory);
        List<InspectionMethod> methods = r.read(MatterColumn.METHODS, CellFormat::parseMethods);
        SamplingRatio ratio = r.read(MatterColumn.RATIO, CellFormat::parseRatio);
        Frequency frequency = r.read(MatterColumn.FREQUENCY, CellFormat::parseFrequency);
        CellFormat.Level level = r.read(MatterColumn.IMPLEMENTING_LEVEL, CellFormat::parseLevel);
        List<String> units = r.read(MatterColumn.RESPONSIBLE_UNITS, CellFormat::parseUnits);
        for (int c = HEADER.size(); c < row.cells().size(); c++) {
            if (!row.cell(c).isBlank()) {
                problems.add(new CellProblem(columnLetter(c) + row.number(), "is outside the catalogue's eleven columns"));
            }
        }
        List<ImplementingLevel> levels = level == null ? List.of() : level.levels();
        MatterContent content = new MatterContent(order, name, legalBases, targetTypes, checkItems, category, methods,
                ratio, frequency, levels, level == null ? null : level.body(), units);
        return new ParsedSheet.Row(row.number(), content, unreadable);
    }

    private static final class Reader {
        private final SheetRow row;
        private final List<CellProblem> problems;
        private final Set<MatterColumn> unreadable;

        Reader(SheetRow row, List<CellProblem> problems, Set<MatterColumn> unreadable) {
            this.row = row;
            this.problems = problems;
            this.unreadable = unreadable;
        }

        <T> T read(MatterColumn column, Function<String, T> parse) {
            try {
                return parse.apply(row.cell(column.ordinal()));
            } catch (CellFormatException e) {
                problems.add(new CellProblem(column.cell(row.number()), e.getMessage()));
                unreadable.add(column);
                return null;
            }
        }
    }

    private static int findHeader(List<SheetRow> sheet) {
        for (int i = 0; i < Math.min(sheet.size(), HEADER_SEARCH_ROWS); i++) {
            if (normalised(sheet.get(i).cell(0)).equals(HEADER.get(0))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isHeader(SheetRow row) {
        for (int c = 0; c < HEADER.size(); c++) {
            if (!normalised(row.cell(c)).equals(HEADER.get(c))) {
                return false;
            }
        }
        return true;
    }

    // A header typed with a line break or spaces (责任科室、\n单位) is still the header.
    private static String normalised(String cell) {
        return cell.replaceAll("\\s+", "");
    }

    static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            letters.insert(0, (char) ('A' + i % 26));
        }
        return letters.toString();
    }
}
