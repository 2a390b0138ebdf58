package io.suiji.catalog.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.suiji.contracts.catalog.Frequency;
import io.suiji.contracts.catalog.ImplementingLevel;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.MatterStatus;
import io.suiji.contracts.catalog.SamplingRatio;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatterSearchTest {

    private static MatterHistory matter(String code, Integer order, String name, MatterCategory category,
            String targetType, InspectionMethod method, ImplementingLevel level, String unit, MatterStatus... statuses) {
        MatterContent content = new MatterContent(order, name, List.of("《劳动保障监察条例》"), List.of(targetType),
                List.of("工作时间执行情况"), category, List.of(method), new SamplingRatio(BigDecimal.TEN, null),
                new Frequency(1, false), List.of(level), null, List.of(unit));
        List<MatterVersion> versions = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            versions.add(new MatterVersion(code, i + 1, statuses[i],
                    statuses[i] == MatterStatus.DRAFT ? null : LocalDate.of(2020 + i, 1, 1), content, null, null, null));
        }
        return new MatterHistory(versions);
    }

    private static final List<MatterHistory> CATALOGUE = List.of(
            matter("C", null, "新事项", MatterCategory.KEY, "企业", InspectionMethod.ON_SITE, ImplementingLevel.CITY,
                    "劳动关系科", MatterStatus.DRAFT),
            matter("B", 2, "劳务派遣业务和派遣用工情况监督检查", MatterCategory.GENERAL, "劳务派遣单位和用工单位",
                    InspectionMethod.DOCUMENT_REVIEW, ImplementingLevel.COUNTY, "就业促进局", MatterStatus.PUBLISHED),
            matter("A", 1, "养老保险稽核", MatterCategory.GENERAL, "享受养老保险待遇人员",
                    InspectionMethod.ONLINE_DATA_COMPARISON, ImplementingLevel.CITY, "市社保局", MatterStatus.PUBLISHED),
            matter("R", 3, "旧事项", MatterCategory.GENERAL, "企业", InspectionMethod.ON_SITE, ImplementingLevel.CITY,
                    "劳动关系科", MatterStatus.PUBLISHED, MatterStatus.RETIRED));

    private static List<String> codes(MatterSearch search, boolean drafts) {
        return search.run(CATALOGUE, drafts).stream().map(h -> h.version().code()).toList();
    }

    private static MatterSearch search(MatterCategory category, String targetType, InspectionMethod method,
            ImplementingLevel level, String unit, String text, MatterStatus status) {
        return new MatterSearch(category, targetType, method, level, unit, text, status, null);
    }

    @Test
    void everythingVisibleInCatalogueOrderWithoutRetiredMatters() {
        assertEquals(List.of("A", "B"), codes(MatterSearch.everything(), false));
        assertEquals(List.of("A", "B", "C"), codes(MatterSearch.everything(), true));
        assertEquals(List.of("R"), codes(search(null, null, null, null, null, null, MatterStatus.RETIRED), false));
        assertEquals(List.of(), codes(search(null, null, null, null, null, null, MatterStatus.DRAFT), false));
    }

    @Test
    void eachCriterion() {
        assertEquals(List.of("C"), codes(search(MatterCategory.KEY, null, null, null, null, null, null), true));
        assertEquals(List.of("B"), codes(search(null, "用工单位", null, null, null, null, null), true));
        assertEquals(List.of("A"), codes(search(null, null, InspectionMethod.ONLINE_DATA_COMPARISON, null, null, null, null), true));
        assertEquals(List.of("B"), codes(search(null, null, null, ImplementingLevel.COUNTY, null, null, null), true));
        assertEquals(List.of("A"), codes(search(null, null, null, null, "社保", null, null), true));
        assertEquals(List.of("B"), codes(search(null, null, null, null, null, "派遣", null), true));
        assertEquals(List.of("A"), codes(search(null, null, null, null, null, "a", null), true));
    }

    @Test
    void inForceOnADayLooksAtThatDaysVersions() {
        MatterSearch on2020 = new MatterSearch(null, null, null, null, null, null, null, LocalDate.of(2020, 6, 1));
        assertEquals(List.of("A", "B", "R"), codes(on2020, true));
        MatterSearch on2022 = new MatterSearch(null, null, null, null, null, null, null, LocalDate.of(2022, 6, 1));
        assertEquals(List.of("A", "B"), codes(on2022, true));
    }
}
