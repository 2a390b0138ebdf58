package io.suiji.catalog.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.catalog.matter.MatterColumn;
import io.suiji.catalog.matter.MatterContent;
import io.suiji.catalog.matter.MatterHistory;
import io.suiji.catalog.matter.MatterVersion;
import io.suiji.contracts.catalog.MatterStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportPlannerTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    @SafeVarargs
    private static ParsedSheet sheet(List<String>... rows) {
        List<SheetRow> sheet = new ArrayList<>();
        sheet.add(new SheetRow(1, MatterColumn.headerRow()));
        for (int i = 0; i < rows.length; i++) {
            sheet.add(new SheetRow(i + 2, rows[i]));
        }
        return SheetParser.parse(sheet);
    }

    private static List<String> row(String order, String name, String ratio) {
        return SheetParserTest.row(order, name, ratio);
    }

    private static MatterContent content(List<String> row) {
        return sheet(row).rows().get(0).content();
    }

    private static MatterHistory history(String code, MatterStatus status, List<String> row) {
        return new MatterHistory(List.of(new MatterVersion(code, 1, status,
                status == MatterStatus.DRAFT ? null : LocalDate.of(2020, 4, 27), content(row), null, null, null)));
    }

    @Test
    void rowsAreMatchedByNameAndComparedColumnByColumn() {
        var catalogue = List.of(
                history("PDS-2020-01", MatterStatus.PUBLISHED, row("1", "甲事项", "5%")),
                history("PDS-2020-02", MatterStatus.PUBLISHED, row("2", "乙事项", "5%")),
                history("D-1", MatterStatus.DRAFT, row("", "丙事项", "5%")),
                history("PDS-2020-04", MatterStatus.PUBLISHED, row("4", "丁事项", "5%")));
        ImportPlan plan = ImportPlanner.plan(sheet(
                        row("1", "甲事项", "5%"),
                        row("2", "乙事项", "10%"),
                        row("3", "丙事项", "5%"),
                        row("5", "戊事项", "5%")),
                catalogue, "PDS-2025", DAY);

        assertEquals(List.of(), plan.problems());
        assertEquals(List.of(ImportPlan.Action.UNCHANGED, ImportPlan.Action.REVISE, ImportPlan.Action.PUBLISH_DRAFT,
                ImportPlan.Action.CREATE), plan.rows().stream().map(ImportPlan.Row::action).toList());
        assertEquals(List.of(MatterColumn.RATIO), plan.rows().get(1).changes());
        assertEquals(List.of(MatterColumn.DISPLAY_ORDER), plan.rows().get(2).changes());
        assertEquals("PDS-2025-05", plan.rows().get(3).code());
        assertEquals(List.of("PDS-2020-04"), plan.notInFile());
    }

    @Test
    void aRuleBrokenInARowIsReportedAtItsCell() {
        ImportPlan plan = ImportPlanner.plan(sheet(row("1", "甲事项", "5%"), row("2", "乙事项", "10%"),
                row("3", "丙事项", "5%"), row("4", "丁事项", "5%"), row("5", "戊事项", "4%")), List.of(), "PDS", DAY);
        assertEquals(List.of(new CellProblem("H6", "抽查比例 4% is below the 5% floor for 一般检查事项")), plan.problems());
        assertTrue(!plan.applicable());
    }

    @Test
    void everyProblemOfEveryRowIsReportedAndMissingCellsAreNamed() {
        List<String> empty = new ArrayList<>(row("2", "乙事项", "5%"));
        empty.set(2, "");  // 检查依据
        empty.set(6, "");  // 检查方式
        empty.set(10, ""); // 责任科室、单位
        List<String> unreadable = new ArrayList<>(row("3", "丙事项", "一成"));
        unreadable.set(8, "偶尔");
        ImportPlan plan = ImportPlanner.plan(sheet(row("1", "甲事项", "5%"), empty, unreadable, row("4", "甲事项", "5%")),
                List.of(), "PDS", DAY);
        assertEquals(List.of("H4", "I4", "C3", "G3", "K3", "B5"),
                plan.problems().stream().map(CellProblem::cell).toList());
        assertTrue(plan.problems().get(5).message().contains("also appears in row 2"));
    }

    @Test
    void newCodesTakeTheRowNumberWhenFreeElseTheNextNumber() {
        var catalogue = List.of(history("PDS-2025-01", MatterStatus.RETIRED, row("1", "旧事项", "5%")));
        ImportPlan plan = ImportPlanner.plan(sheet(row("1", "甲事项", "5%"), row("2", "乙事项", "5%"),
                row("", "丙事项", "5%")), catalogue, "PDS-2025", DAY);
        assertEquals(List.of("PDS-2025-03", "PDS-2025-02", "PDS-2025-04"),
                plan.rows().stream().map(ImportPlan.Row::code).toList());
    }

    @Test
    void aRevisionCannotTakeEffectBeforeTheVersionInForce() {
        var catalogue = List.of(history("PDS-2020-01", MatterStatus.PUBLISHED, row("1", "甲事项", "5%")));
        ImportPlan plan = ImportPlanner.plan(sheet(row("1", "甲事项", "6%")), catalogue, "PDS",
                LocalDate.of(2019, 1, 1));
        assertEquals("effectiveFrom", plan.problems().get(0).cell());
    }

    @Test
    void twoLiveMattersOfOneNameMakeTheRowAmbiguous() {
        var catalogue = List.of(history("A", MatterStatus.PUBLISHED, row("1", "甲事项", "5%")),
                history("B", MatterStatus.DRAFT, row("1", "甲事项", "5%")));
        ImportPlan plan = ImportPlanner.plan(sheet(row("1", "甲事项", "5%")), catalogue, "PDS", DAY);
        assertEquals("B2", plan.problems().get(0).cell());
        assertTrue(plan.problems().get(0).message().contains("[A, B]"));
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameContent() {
        MatterContent original = content(row("7", "甲事项", "5%且至少200人"));
        List<String> written = SheetLayout.row(original);
        assertEquals(List.of(), original.differencesFrom(content(written)));
        assertEquals("5%且至少200人", written.get(7));
    }
}
