package io.suiji.sampling.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.suiji.draw.PopulationEntry;
import io.suiji.platform.security.RegionScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopulationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 7, 1);
    private static final PopulationRules.Rules RULES = new PopulationRules.Rules(Set.of("技工院校"),
            List.of(new RegionScope("410402")), Set.of(), TODAY, 365, 2, false);

    private static EntityFacts entity(String id, String region, String type, String credit) {
        return new EntityFacts(id, region, List.of(type), credit, 0, false, null, null, 0, false, false);
    }

    @Test
    void everyEntityOutsideTheFilterIsIgnoredAndEveryExclusionCountedUnderItsFirstReason() {
        List<EntityFacts> candidates = List.of(
                entity("e1", "410402", "技工院校", "A"),
                entity("e2", "410402", "技工院校", null),
                entity("e3", "410403", "技工院校", "A"),   // other county
                entity("e4", "410402", "民办培训机构", "A"), // other type
                new EntityFacts("e5", "410402", List.of("技工院校"), "C", 0, false, TODAY.minusDays(1), null, 0, true, false),
                new EntityFacts("e6", "410402", List.of("技工院校"), "C", 0, false, null, null, 0, true, false),
                new EntityFacts("e7", "410402", List.of("技工院校"), "C", 0, false, null, null, 0, false, true),
                new EntityFacts("e8", "410402", List.of("技工院校"), "C", 0, false, null, TODAY.minusDays(364), 0, false, false),
                new EntityFacts("e9", "410402", List.of("技工院校"), "C", 0, false, null, TODAY.minusDays(365), 2, false, false),
                new EntityFacts("e10", "410402", List.of("技工院校"), "D", 0, false, null, TODAY.minusDays(365), 1, false,
                        false),
                new EntityFacts("e11", "410402", List.of("技工院校"), "D", 0, false, TODAY.plusDays(10), null, 0, false,
                        false));

        PopulationRules.Frozen frozen = PopulationRules.freeze(candidates, RULES);

        assertEquals(List.of(PopulationEntry.of("e1", "410402/A"), PopulationEntry.of("e2", "410402/U"),
                PopulationEntry.of("e10", "410402/D"), PopulationEntry.of("e11", "410402/D")), frozen.entries());
        assertEquals(Map.of("deregistered", 1L, "open-case", 1L, "selected-in-earlier-batch", 1L,
                "inspected-within-window", 1L, "annual-cap-reached", 1L), frozen.counts());
        assertEquals(List.of("deregistered", "open-case", "selected-in-earlier-batch", "inspected-within-window",
                "annual-cap-reached"), List.copyOf(frozen.counts().keySet()));
    }

    @Test
    void priorityWeightsGrowWithComplaintsAndSeriousViolations() {
        var heavy = new EntityFacts("e1", "410402", List.of("技工院校"), "C", 3, true, null, null, 0, false, false);
        assertEquals("6", PopulationRules.weight(heavy, true));
        assertEquals("1", PopulationRules.weight(heavy, false));
    }

    @Test
    void strataAreRegionTimesRiskClass() {
        assertEquals("410402", PopulationRules.regionOf("410402/C"));
        assertEquals("C", PopulationRules.classOf("410402/C"));
        var onlyC = new PopulationRules.Rules(Set.of(), List.of(new RegionScope("410400")), Set.of("C"), TODAY, 0, 9,
                false);
        assertEquals(1, PopulationRules.freeze(List.of(entity("a", "410402", "x", "C"), entity("b", "410403", "x", "B")),
                onlyC).entries().size());
    }
}
