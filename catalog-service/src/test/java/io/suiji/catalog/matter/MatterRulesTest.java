package io.suiji.catalog.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatterRulesTest {

    private static SamplingRatio percent(String p) {
        return new SamplingRatio(new BigDecimal(p), null);
    }

    @Test
    void generalMattersSampleAtLeastFivePercent() {
        assertTrue(MatterRules.checkRatio(MatterCategory.GENERAL, percent("5")).isEmpty());
        var violations = MatterRules.checkRatio(MatterCategory.GENERAL, percent("4.99"));
        assertEquals(1, violations.size());
        assertEquals("ratio.percent", violations.get(0).field());
        assertTrue(violations.get(0).message().contains("below the 5% floor for 一般检查事项"), violations.get(0).message());
    }

    @Test
    void keyMattersHaveNoFloorButStayWithinOneHundredPercent() {
        assertTrue(MatterRules.checkRatio(MatterCategory.KEY, percent("1")).isEmpty());
        assertTrue(MatterRules.checkRatio(MatterCategory.KEY, percent("100")).isEmpty());
        assertEquals("ratio.percent", MatterRules.checkRatio(MatterCategory.KEY, percent("100.5")).get(0).field());
        assertEquals("ratio.percent", MatterRules.checkRatio(MatterCategory.KEY, percent("0")).get(0).field());
    }

    @Test
    void aMinimumCountAloneIsARatioAndMustBePositive() {
        assertTrue(MatterRules.checkRatio(MatterCategory.GENERAL, new SamplingRatio(null, 200)).isEmpty());
        var violations = MatterRules.checkRatio(MatterCategory.GENERAL, new SamplingRatio(null, 0));
        assertEquals("ratio.minimumCount", violations.get(0).field());
    }

    @Test
    void everyBrokenPartIsReported() {
        var violations = MatterRules.checkRatio(MatterCategory.GENERAL, new SamplingRatio(new BigDecimal("3"), -1));
        assertEquals(2, violations.size());
        assertEquals("ratio", MatterRules.checkRatio(MatterCategory.GENERAL, new SamplingRatio(null, null)).get(0).field());
        assertEquals("ratio", MatterRules.checkRatio(MatterCategory.GENERAL, null).get(0).field());
    }

    private static MatterContent complete() {
        return new MatterContent(1, "人力资源服务机构管理检查", List.of("《中华人民共和国就业促进法》第六十、六十五条"),
                List.of("人力资源服务机构"), List.of("是否符合设立条件"), MatterCategory.GENERAL,
                List.of(InspectionMethod.ON_SITE), percent("5"), new Frequency(1, false), List.of(),
                "市、县人力资源社会保障部门", List.of("劳动保障监察局（支队）"))
                .withLevels(List.of(ImplementingLevel.CITY, ImplementingLevel.COUNTY));
    }

    private static List<String> fields(List<MatterRules.Violation> violations) {
        return violations.stream().map(MatterRules.Violation::field).toList();
    }

    @Test
    void aDraftNeedsOnlyANameACategoryAndARatio() {
        assertEquals(List.of(), MatterRules.checkDraft(MatterContent.of("技工院校监督检查", MatterCategory.GENERAL, percent("30"))));
        assertEquals(List.of("name", "category"), fields(MatterRules.checkDraft(MatterContent.of(" ", null, percent("30")))));
    }

    @Test
    void publishingNeedsEveryColumnOfTheAttachment() {
        assertEquals(List.of(), MatterRules.checkPublishable(complete()));
        assertEquals(List.of("legalBases", "targetTypes", "checkItems", "methods", "frequency", "levels",
                        "implementingBody", "responsibleUnits"),
                fields(MatterRules.checkPublishable(MatterContent.of("技工院校监督检查", MatterCategory.GENERAL, percent("30")))));
    }

    @Test
    void listEntriesMustBeNonBlankAndHoldNoSeparator() {
        MatterContent c = complete();
        MatterContent broken = new MatterContent(c.displayOrder(), c.name(), List.of("甲；乙", ""), c.targetTypes(),
                List.of("a; b"), c.category(), c.methods(), c.ratio(), c.frequency(), c.levels(), c.implementingBody(),
                List.of("监察局（支队、大队）", "就业促进局、劳动关系科"));
        assertEquals(List.of("legalBases[0]", "legalBases[1]", "checkItems[0]", "responsibleUnits[1]"),
                fields(MatterRules.checkDraft(broken)));
    }

    @Test
    void theLevelsMustBeThoseTheImplementingBodyNames() {
        MatterContent cityOnly = complete().withLevels(List.of(ImplementingLevel.CITY));
        assertEquals(List.of("levels"), fields(MatterRules.checkDraft(cityOnly)));
        MatterContent c = complete();
        MatterContent provincial = new MatterContent(c.displayOrder(), c.name(), c.legalBases(), c.targetTypes(),
                c.checkItems(), c.category(), c.methods(), c.ratio(), c.frequency(), c.levels(), "省人社厅",
                c.responsibleUnits());
        assertEquals(List.of("implementingBody"), fields(MatterRules.checkDraft(provincial)));
    }

    @Test
    void frequenciesAndDisplayOrders() {
        assertEquals(List.of(), MatterRules.checkFrequency(new Frequency(0, true)));
        assertEquals("frequency.timesPerYear", MatterRules.checkFrequency(new Frequency(0, false)).get(0).field());
        MatterContent c = complete();
        MatterContent zero = new MatterContent(0, c.name(), c.legalBases(), c.targetTypes(), c.checkItems(),
                c.category(), c.methods(), c.ratio(), c.frequency(), c.levels(), c.implementingBody(),
                c.responsibleUnits());
        assertEquals(List.of("displayOrder"), fields(MatterRules.checkDraft(zero)));
    }

    @Test
    void ratiosWithMoreThanTwoDecimalsAreRefusedAndTrailingZerosDoNotMatter() {
        assertEquals("ratio.percent", MatterRules.checkRatio(MatterCategory.KEY, percent("12.345")).get(0).field());
        assertEquals("抽查比例 4% is below the 5% floor for 一般检查事项",
                MatterRules.checkRatio(MatterCategory.GENERAL, percent("4.00")).get(0).message());
    }

    @Test
    void codes() {
        assertEquals(List.of(), MatterRules.checkCode("PDS-2020-01"));
        assertEquals(List.of("code"), fields(MatterRules.checkCode("-x")));
        assertEquals(List.of("code"), fields(MatterRules.checkCode("export")));
    }
}
