package io.suiji.catalog.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every cell form of the seed table (平人社办〔2020〕47号 附件), and the forms written back. */
class CellFormatTest {

    @ParameterizedTest
    @CsvSource({"5%,5", "30%,30", "20%,20", "10%,10", "16%,16", "2.5%,2.5", "５％,5", "100 %,100"})
    void percentagesAsTheAttachmentWritesThem(String cell, String percent) {
        SamplingRatio ratio = CellFormat.parseRatio(cell);
        assertEquals(0, new BigDecimal(percent).compareTo(ratio.percent()));
        assertNull(ratio.minimumCount());
    }

    @Test
    void aMinimumCountAloneOrWithAPercentage() {
        assertEquals(new SamplingRatio(null, 200), CellFormat.parseRatio("至少200人"));
        assertEquals(new SamplingRatio(null, 50), CellFormat.parseRatio("不少于50家"));
        SamplingRatio both = CellFormat.parseRatio("5%且至少200人");
        assertEquals(0, BigDecimal.valueOf(5).compareTo(both.percent()));
        assertEquals(200, both.minimumCount());
        assertEquals(200, CellFormat.parseRatio("5%（至少200人）").minimumCount());
        assertNull(CellFormat.parseRatio("  "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"百分之五", "5", "5%左右", "至少", "0.05"})
    void ratiosThatDoNotReadAreRejectedWithTheForms(String cell) {
        var e = assertThrows(CellFormatException.class, () -> CellFormat.parseRatio(cell));
        assertTrue(e.getMessage().startsWith("抽查比例 「" + cell + "」"), e.getMessage());
        assertTrue(e.getMessage().contains("至少200人"), e.getMessage());
    }

    @Test
    void ratiosAreWrittenAsTheAttachmentWritesThem() {
        assertEquals("5%", CellFormat.formatRatio(new SamplingRatio(new BigDecimal("5.00"), null)));
        assertEquals("12.5%", CellFormat.formatRatio(new SamplingRatio(new BigDecimal("12.50"), null)));
        assertEquals("至少200人", CellFormat.formatRatio(new SamplingRatio(null, 200)));
        assertEquals("5%且至少200人", CellFormat.formatRatio(new SamplingRatio(BigDecimal.valueOf(5), 200)));
    }

    @Test
    void frequencies() {
        assertEquals(new Frequency(1, false), CellFormat.parseFrequency("1次/年"));
        assertEquals(new Frequency(2, false), CellFormat.parseFrequency("2次/年"));
        assertEquals(new Frequency(1, true), CellFormat.parseFrequency("根据工作需要或1次/年"));
        assertEquals(new Frequency(0, true), CellFormat.parseFrequency("根据工作需要"));
        assertEquals(new Frequency(4, false), CellFormat.parseFrequency("每年4次"));
        assertEquals(new Frequency(2, false), CellFormat.parseFrequency("２次／年"));
        assertNull(CellFormat.parseFrequency(""));
        var e = assertThrows(CellFormatException.class, () -> CellFormat.parseFrequency("经常"));
        assertTrue(e.getMessage().contains("根据工作需要或1次/年"));

        assertEquals("1次/年", CellFormat.formatFrequency(new Frequency(1, false)));
        assertEquals("根据工作需要或1次/年", CellFormat.formatFrequency(new Frequency(1, true)));
        assertEquals("根据工作需要", CellFormat.formatFrequency(new Frequency(0, true)));
    }

    @Test
    void methods() {
        assertEquals(List.of(InspectionMethod.ON_SITE), CellFormat.parseMethods("现场检查"));
        assertEquals(List.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENT_REVIEW),
                CellFormat.parseMethods("现场检查、书面检查"));
        assertEquals(List.of(InspectionMethod.ONLINE_DATA_COMPARISON), CellFormat.parseMethods("网上信息技术比对"));
        assertEquals(List.of(InspectionMethod.DOCUMENT_REVIEW, InspectionMethod.ON_SITE),
                CellFormat.parseMethods("书面检查，现场检查"));
        var e = assertThrows(CellFormatException.class, () -> CellFormat.parseMethods("现场检查、电话抽查"));
        assertTrue(e.getMessage().contains("电话抽查"));
        assertEquals("现场检查、书面检查",
                CellFormat.formatMethods(List.of(InspectionMethod.ON_SITE, InspectionMethod.DOCUMENT_REVIEW)));
    }

    @Test
    void categories() {
        assertEquals(MatterCategory.GENERAL, CellFormat.parseCategory("一般检查事项"));
        assertEquals(MatterCategory.KEY, CellFormat.parseCategory("重点检查事项"));
        assertEquals(MatterCategory.KEY, CellFormat.parseCategory("重点"));
        assertThrows(CellFormatException.class, () -> CellFormat.parseCategory("特别检查事项"));
        assertEquals("一般检查事项", CellFormat.formatCategory(MatterCategory.GENERAL));
    }

    @Test
    void numberedCheckItemsWithFullWidthSemicolons() {
        assertEquals(List.of("是否符合设立条件", "经营情况和人力资源服务活动情况", "法律、法规和规章规定的其他事项。"),
                CellFormat.parseCheckItems(
                        "1. 是否符合设立条件；2. 经营情况和人力资源服务活动情况；3. 法律、法规和规章规定的其他事项。"));
    }

    @Test
    void numberedCheckItemsWithAsciiSemicolons() {
        assertEquals(List.of("工作时间执行情况", "考勤管理制度制定和执行情况", "工资分配制度和支付情况",
                        "工作岗位和工时安排等情况。"),
                CellFormat.parseCheckItems("1. 工作时间执行情况; 2. 考勤管理制度制定和执行情况; 3. 工资分配制度和支付情况; "
                        + "4. 工作岗位和工时安排等情况。"));
    }

    @Test
    void numberedCheckItemsOnLinesOrWithEnumerationCommas() {
        assertEquals(List.of("甲", "乙"), CellFormat.parseCheckItems("1、甲\n2、乙"));
        assertEquals(List.of("甲", "乙"), CellFormat.parseCheckItems("1.甲 2.乙"));
        // a number inside an item is not a new item
        assertEquals(List.of("执行第3.2节规定情况", "其他"), CellFormat.parseCheckItems("1. 执行第3.2节规定情况；2. 其他"));
    }

    @Test
    void aSingleUnnumberedItemStaysWholeEvenWithEnumerationCommas() {
        assertEquals(List.of("养老保险待遇领取情况"), CellFormat.parseCheckItems("养老保险待遇领取情况"));
        assertEquals(List.of("企业参保情况、失业保险待遇及相关补贴待遇落实情况"),
                CellFormat.parseCheckItems("企业参保情况、失业保险待遇及相关补贴待遇落实情况"));
    }

    @Test
    void checkItemsAreWrittenNumberedWithFullWidthSemicolons() {
        assertEquals("1. 甲；2. 乙", CellFormat.formatCheckItems(List.of("甲", "乙")));
        assertEquals("养老保险待遇领取情况", CellFormat.formatCheckItems(List.of("养老保险待遇领取情况")));
    }

    @Test
    void legalBasesSplitAtEitherSemicolonButNotAtEnumerationCommas() {
        assertEquals(List.of("《中华人民共和国就业促进法》第六十、六十五条", "《人力资源市场暂行条例》（国务院令700号）第三十五条、第四十三条。"),
                CellFormat.parseLegalBases(
                        "《中华人民共和国就业促进法》第六十、六十五条；《人力资源市场暂行条例》（国务院令700号）第三十五条、第四十三条。"));
        assertEquals(List.of("《社会保险法》", "《社会保险稽核办法》(劳动和社会保障部令16号)第二条", "《河南省失业保险条例》。"),
                CellFormat.parseLegalBases("《社会保险法》; 《社会保险稽核办法》(劳动和社会保障部令16号)第二条; 《河南省失业保险条例》。"));
        assertEquals(List.of("《中华人民共和国劳动法》第八十五条"), CellFormat.parseLegalBases("《中华人民共和国劳动法》第八十五条"));
        assertEquals("甲；乙", CellFormat.formatLegalBases(List.of("甲", "乙")));
    }

    @Test
    void implementingLevels() {
        var hr = CellFormat.parseLevel("市、县人力资源社会保障部门");
        assertEquals(List.of(ImplementingLevel.CITY, ImplementingLevel.COUNTY), hr.levels());
        assertEquals("市、县人力资源社会保障部门", hr.body());
        assertEquals(List.of(ImplementingLevel.CITY, ImplementingLevel.COUNTY),
                CellFormat.parseLevel("市、县社保经办机构").levels());
        assertEquals("市、县失业保险经办机构", CellFormat.parseLevel("市、县失业保险经办机构").body());
        assertEquals(List.of(ImplementingLevel.CITY), CellFormat.parseLevel("市级人力资源社会保障部门").levels());
        assertEquals(List.of(ImplementingLevel.COUNTY), CellFormat.parseLevel("县（市、区）社保经办机构").levels());
        assertEquals(List.of(), CellFormat.parseLevel("").levels());
        var e = assertThrows(CellFormatException.class, () -> CellFormat.parseLevel("省人力资源社会保障厅"));
        assertTrue(e.getMessage().contains("市 and/or 县"));
    }

    @Test
    void unitsSplitAtEnumerationCommasOutsideBrackets() {
        assertEquals(List.of("劳动保障监察局（支队）", "人力资源流动管理科"),
                CellFormat.parseUnits("劳动保障监察局（支队）、人力资源流动管理科"));
        assertEquals(List.of("劳动保障监察局(支队)"), CellFormat.parseUnits("劳动保障监察局(支队)"));
        assertEquals(List.of("监察局（支队、大队）", "就业促进局"), CellFormat.parseUnits("监察局（支队、大队）、就业促进局"));
        assertEquals("职业能力建设科、劳动能力鉴定中心", CellFormat.formatUnits(List.of("职业能力建设科", "劳动能力鉴定中心")));
    }

    @Test
    void targetTypesAreKeptAsWritten() {
        assertEquals(List.of("劳务派遣单位和用工单位"), CellFormat.parseTargetTypes("劳务派遣单位和用工单位"));
        assertEquals(List.of("技工院校", "民办培训机构"), CellFormat.parseTargetTypes("技工院校、民办培训机构"));
    }

    @Test
    void displayOrder() {
        assertEquals(1, CellFormat.parseDisplayOrder("1"));
        assertEquals(12, CellFormat.parseDisplayOrder("12.0"));
        assertNull(CellFormat.parseDisplayOrder(" "));
        assertThrows(CellFormatException.class, () -> CellFormat.parseDisplayOrder("一"));
    }
}
