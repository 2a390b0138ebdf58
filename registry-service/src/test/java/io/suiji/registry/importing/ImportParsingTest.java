package io.suiji.registry.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.registry.CodeKind;
import io.suiji.contracts.registry.CreditClass;
import io.suiji.registry.FieldProblem;
import io.suiji.registry.entity.EntityRules;
import io.suiji.registry.identity.PersonalIds;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure parts of an import: headers, cells, rows, CSV decoding. */
class ImportParsingTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private final PersonalIds ids = new PersonalIds("test-only-hash-key-0123456789", "test-only-seal-key-0123456789");

    @Test
    void headersMayComeInAnyOrderWithSpacesFullWidthAndAliases() {
        var result = HeaderMap.read(List.of(" 地址 ", "名 称", "统一社会信用代码", "检查对象", "行政区划代码", "近１２个月投诉举报次数"), 1,
                EntityColumn.class);
        assertTrue(result.valid(), result.problems().toString());
        assertEquals("x", result.map().cell(List.of("", "", "x"), EntityColumn.CODE));
        assertTrue(result.map().has(EntityColumn.COMPLAINTS));
        assertNull(result.map().cell(List.of("a"), EntityColumn.INSURED), "a column the file lacks reads as null");
    }

    @Test
    void unknownDuplicatedAndMissingColumnsAreNamedByCell() {
        var result = HeaderMap.read(List.of("统一社会信用代码或身份证号码", "名称", "名称", "类型"), 1, EntityColumn.class);
        List<String> fields = result.problems().stream().map(FieldProblem::field).toList();
        assertEquals(List.of("C1", "D1", "header", "header"), fields);
        assertTrue(result.problems().get(1).message().contains("统一社会信用代码或身份证号码* | 名称或姓名*"));
        assertEquals("AA", HeaderMap.columnLetter(26));
    }

    @Test
    void cellsReadAsClerksWriteThem() {
        assertEquals(LocalDate.of(2015, 3, 2), Cells.date("2015/3/2"));
        assertEquals(LocalDate.of(2015, 3, 2), Cells.date("2015年3月2日"));
        assertEquals(LocalDate.of(2015, 3, 2), Cells.date("20150302"));
        assertEquals(LocalDate.of(2015, 3, 2), Cells.date("２０１５-０３-０２"));
        assertThrows(Cells.CellException.class, () -> Cells.date("2015-02-30"));
        assertThrows(Cells.CellException.class, () -> Cells.date("去年"));
        assertEquals(3, Cells.count("3"));
        assertEquals(3, Cells.count("3.0"));
        assertEquals(3, Cells.count("3次"));
        assertEquals(0, Cells.count(""));
        assertThrows(Cells.CellException.class, () -> Cells.count("-1"));
        assertTrue(Cells.yesNo("是"));
        assertFalse(Cells.yesNo("否"));
        assertFalse(Cells.yesNo(""));
        assertThrows(Cells.CellException.class, () -> Cells.yesNo("也许"));
        assertEquals(List.of("企业", "用人单位", "劳务派遣单位和用工单位"), Cells.list("企业、用人单位；劳务派遣单位和用工单位"));
    }

    @Test
    void aRowBecomesAnEntityWithItsRegionByNameAndItsPresentColumns() {
        var header = HeaderMap.read(List.of("统一社会信用代码或身份证号码", "名称或姓名", "检查对象类型", "行政区划", "信用等级"), 1,
                EntityColumn.class).map();
        var parser = new EntityRowParser(header, new EntityRules(ids), "4104", TODAY);
        var outcome = parser.parse(2, List.of("91410400MA40A1B281", "平顶山市某公司", "企业、用人单位", "平顶山市卫东区", "c级"));
        assertNull(outcome.reason());
        assertEquals("410403", outcome.row().facts().region());
        assertEquals(CreditClass.C, outcome.row().facts().creditClass());
        assertEquals(Set.of(EntityColumn.CODE, EntityColumn.NAME, EntityColumn.TARGET_TYPES, EntityColumn.REGION,
                EntityColumn.CREDIT_CLASS), outcome.row().present());

        var person = parser.parse(3, List.of("11010519491231002X", "王秀英", "享受养老保险待遇人员", "410402", ""));
        assertEquals(CodeKind.RESIDENT_ID_HASH, person.row().kind());
        assertEquals("11010519491231002X", person.row().residentId());
    }

    @Test
    void aBadRowGivesEveryReasonInColumnOrder() {
        var header = HeaderMap.read(List.of("统一社会信用代码或身份证号码", "名称或姓名", "检查对象类型", "行政区划", "信用等级", "参保"), 1,
                EntityColumn.class).map();
        var parser = new EntityRowParser(header, new EntityRules(ids), "410402", TODAY);
        var outcome = parser.parse(5, List.of("91410400MA40A1B282", "", "企业", "410402", "E", "maybe"));
        assertEquals("统一社会信用代码或身份证号码: 统一社会信用代码 91410400MA40A1B282: check character (position 18) is 2, expected 1; "
                + "名称或姓名: the name is required; 信用等级: E is not one of A, B, C, D; 参保: maybe is not 是 or 否", outcome.reason());
        var foreign = parser.parse(6, List.of("91410400MA40A1B281", "某公司", "企业", "410403", "", ""));
        assertEquals("行政区划: 410403 is outside your region", foreign.reason());
    }

    @Test
    void csvIsReadAsUtf8WithOrWithoutBomOrAsGb18030AndTabsAreRecognised() throws Exception {
        String text = "名称或姓名,地址\r\n甲公司,\"建设路1号,二楼\"\r\n";
        assertEquals(List.of(List.of("名称或姓名", "地址"), List.of("甲公司", "建设路1号,二楼")), rows(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(rows(text.getBytes(StandardCharsets.UTF_8)), rows(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)));
        assertEquals(rows(text.getBytes(StandardCharsets.UTF_8)), rows(text.getBytes(Charset.forName("GB18030"))));
        assertEquals(List.of(List.of("名称或姓名", "地址"), List.of("甲公司", "建设路")),
                rows("名称或姓名\t地址\n甲公司\t建设路\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void progressCountsTheBytesRead() throws Exception {
        byte[] content = "a,b\n1,2\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        try (CsvRows source = new CsvRows(new ByteArrayInputStream(content), content.length)) {
            source.forEach((n, cells) -> true);
            assertEquals(content.length, source.bytesRead());
        }
    }

    private static List<List<String>> rows(byte[] content) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (CsvRows source = new CsvRows(new ByteArrayInputStream(content), content.length)) {
            source.forEach((n, cells) -> rows.add(cells));
        }
        return rows;
    }
}
