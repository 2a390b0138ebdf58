package io.suiji.catalog.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.catalog.matter.MatterColumn;
import io.suiji.catalog.matter.MatterContent;
import io.suiji.catalog.seed.ReferenceDocument;
import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SheetParserTest {

    private static List<SheetRow> sheet(List<String>... rows) {
        List<SheetRow> sheet = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            sheet.add(new SheetRow(i + 1, rows[i]));
        }
        return sheet;
    }

    static List<String> row(String order, String name, String ratio) {
        return List.of(order, name, "《中华人民共和国劳动法》第八十五条", "企业", "1. 甲；2. 乙", "一般检查事项", "现场检查", ratio,
                "1次/年", "市、县人力资源社会保障部门", "劳动关系科");
    }

    @Test
    void theAttachmentTableOfTheSourceDocumentReadsAsNineMatters() {
        List<SheetRow> sheet = new ArrayList<>();
        List<List<String>> reference = ReferenceDocument.rows();
        sheet.add(new SheetRow(1, ReferenceDocument.header()));
        for (int i = 0; i < reference.size(); i++) {
            sheet.add(new SheetRow(i + 2, reference.get(i)));
        }
        ParsedSheet parsed = SheetParser.parse(sheet);

        assertEquals(List.of(), parsed.problems());
        assertEquals(9, parsed.rows().size());
        MatterContent first = parsed.rows().get(0).content();
        assertEquals(1, first.displayOrder());
        assertEquals("人力资源服务机构管理检查", first.name());
        assertEquals(List.of("《中华人民共和国就业促进法》第六十、六十五条", "《人力资源市场暂行条例》（国务院令700号）第三十五条、第四十三条。"),
                first.legalBases());
        assertEquals(List.of("人力资源服务机构"), first.targetTypes());
        assertEquals(3, first.checkItems().size());
        assertEquals(MatterCategory.GENERAL, first.category());
        assertEquals(List.of(InspectionMethod.ON_SITE), first.methods());
        assertEquals("5%", CellFormat.formatRatio(first.ratio()));
        assertEquals(new Frequency(1, false), first.frequency());
        assertEquals(List.of(ImplementingLevel.CITY, ImplementingLevel.COUNTY), first.levels());
        assertEquals("市、县人力资源社会保障部门", first.implementingBody());
        assertEquals(List.of("劳动保障监察局（支队）", "人力资源流动管理科"), first.responsibleUnits());

        MatterContent eighth = parsed.rows().get(7).content();
        assertEquals(new SamplingRatio(null, 200), eighth.ratio());
        assertEquals(List.of(InspectionMethod.ONLINE_DATA_COMPARISON), eighth.methods());
        assertEquals("市、县社保经办机构", eighth.implementingBody());
        assertEquals(List.of("养老保险待遇领取情况"), eighth.checkItems());

        MatterContent fifth = parsed.rows().get(4).content();
        assertEquals(new Frequency(1, true), fifth.frequency());
        assertEquals(List.of("劳务派遣单位和用工单位"), fifth.targetTypes());
        assertEquals(5, fifth.checkItems().size());

        assertEquals(8, parsed.rows().get(6).content().checkItems().size());
        assertEquals("市、县失业保险经办机构", parsed.rows().get(8).content().implementingBody());
    }

    @Test
    void titleRowsBlankRowsAndARepeatedHeaderAreSkipped() {
        ParsedSheet parsed = SheetParser.parse(sheet(
                List.of("平顶山市人力资源和社会保障局“双随机、一公开”监管随机抽查事项清单"),
                MatterColumn.headerRow(),
                row("1", "甲事项", "5%"),
                List.of("", "", ""),
                MatterColumn.headerRow(),
                row("2", "乙事项", "至少200人")));
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(3, 6), parsed.rows().stream().map(ParsedSheet.Row::number).toList());
    }

    @Test
    void aWrongHeaderIsReportedCellByCellAndNoRowIsRead() {
        List<String> header = new ArrayList<>(MatterColumn.headerRow());
        header.set(2, "依据");
        header.set(10, "责任单位");
        ParsedSheet parsed = SheetParser.parse(sheet(header, row("1", "甲事项", "5%")));
        assertEquals(List.of("C1", "K1"), parsed.problems().stream().map(CellProblem::cell).toList());
        assertTrue(parsed.problems().get(0).message().contains("检查依据"));
        assertEquals(0, parsed.rows().size());
    }

    @Test
    void aSheetWithoutTheHeaderSaysWhatTheHeaderIs() {
        ParsedSheet parsed = SheetParser.parse(sheet(List.of("名称", "比例")));
        assertEquals("A1", parsed.problems().get(0).cell());
        assertTrue(parsed.problems().get(0).message().contains("序号 | 抽查事项 | 检查依据"));
    }

    @Test
    void unreadableCellsAreReportedWithTheirReference() {
        ParsedSheet parsed = SheetParser.parse(sheet(MatterColumn.headerRow(), row("1", "甲事项", "5%"),
                row("二", "乙事项", "百分之五")));
        assertEquals(List.of("A3", "H3"), parsed.problems().stream().map(CellProblem::cell).toList());
        assertEquals(java.util.Set.of(MatterColumn.DISPLAY_ORDER, MatterColumn.RATIO), parsed.rows().get(1).unreadable());
    }

    @Test
    void columnLetters() {
        assertEquals("A", SheetParser.columnLetter(0));
        assertEquals("L", SheetParser.columnLetter(11));
        assertEquals("AA", SheetParser.columnLetter(26));
    }
}
