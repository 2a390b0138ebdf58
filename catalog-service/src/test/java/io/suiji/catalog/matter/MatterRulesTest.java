package io.suiji.catalog.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.catalog.MatterCategory;
import io.suiji.contracts.catalog.SamplingRatio;
import java.math.BigDecimal;
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
}
