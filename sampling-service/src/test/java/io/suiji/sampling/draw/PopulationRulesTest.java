package io.suiji.sampling.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.suiji.contracts.enforcement.Outcome;
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
            List.of(new RegionScope("410402")), Set.of(), TODAY, 365, 2, 2, false);

    private static EntityFacts entity(String id, String region, String type, String credit) {
        return new EntityFacts(id, region, List.of(type), credit, 0, false, null, null, 0, Set.of(), false, false);
    }

    @Test
    void everyEntityOutsideTheFilterIsIgnoredAndEveryExclusionCountedUnderItsFirstReason() {
        List<EntityFacts> candidates = List.of(
                entity("e1", "410402", "技工院校", "A"),
                entity("e2", "410402", "技工院校", null),
                entity("e3", "410403", "技工院校", "A"),   // other county
                entity("e4", "410402", "民办培训机构", "A"), // other type
                facts("e5", "C", TODAY.minusDays(1), null, 0, true, false),
                facts("e6", "C", null, null, 0, true, false),
                facts("e7", "C", null, null, 0, false, true),
                facts("e8", "C", null, TODAY.minusDays(364), 0, false, false),
                facts("e9", "C", null, TODAY.minusDays(365), 2, false, false),
                facts("e10", "D", null, TODAY.minusDays(365), 1, false, false),
                facts("e11", "D", TODAY.plusDays(10), null, 0, false, false));

        PopulationRules.Frozen frozen = PopulationRules.freeze(candidates, RULES);

        assertEquals(List.of(PopulationEntry.of("e1", "410402/A"), PopulationEntry.of("e2", "410402/U"),
                PopulationEntry.of("e10", "410402/D"), PopulationEntry.of("e11", "410402/D")), frozen.entries());
        assertEquals(Map.of("deregistered", 1L, "open-case", 1L, "selected-in-earlier-batch", 1L,
                "inspected-within-window", 1L, "annual-cap-reached", 1L, "annual-cap-without-violation", 0L),
                frozen.counts());
        assertEquals(List.of("deregistered", "open-case", "selected-in-earlier-batch", "inspected-within-window",
                "annual-cap-reached", "annual-cap-without-violation"), List.copyOf(frozen.counts().keySet()));
    }

    private static EntityFacts facts(String id, String credit, LocalDate deregistered, LocalDate lastInspected,
                                     int departmentInspections, boolean openCase, boolean selectedEarlier) {
        return new EntityFacts(id, "410402", List.of("技工院校"), credit, 0, false, deregistered, lastInspected,
                departmentInspections, Set.of(), openCase, selectedEarlier);
    }

    private static EntityFacts inspected(String id, int departmentInspectionsThisYear, Outcome... outcomesLastYear) {
        return new EntityFacts(id, "410402", List.of("技工院校"), "A", 0, false, null, null,
                departmentInspectionsThisYear, Set.of(outcomesLastYear), false, false);
    }

    @Test
    void theAnnualCapIsLowerForTargetsWithoutAViolationLastYear() {
        var rules = new PopulationRules.Rules(Set.of(), List.of(new RegionScope("410402")), Set.of(), TODAY, 365, 2, 1,
                false);
        List<EntityFacts> candidates = List.of(
                inspected("never", 0),
                inspected("clean-once", 1),
                inspected("clean-once-no-activity", 1, Outcome.NO_PROBLEM, Outcome.NO_RELEVANT_ACTIVITY),
                inspected("corrected-last-year-once", 1, Outcome.NO_PROBLEM, Outcome.CORRECTED),
                inspected("penalised-last-year-twice", 2, Outcome.ADMINISTRATIVE_PENALTY),
                inspected("clean-twice", 2));

        PopulationRules.Frozen frozen = PopulationRules.freeze(candidates, rules);

        assertEquals(List.of("never", "corrected-last-year-once"),
                frozen.entries().stream().map(PopulationEntry::id).toList());
        assertEquals(List.of(new PopulationRules.Excluded("clean-once", Exclusion.ANNUAL_CAP_WITHOUT_VIOLATION),
                new PopulationRules.Excluded("clean-once-no-activity", Exclusion.ANNUAL_CAP_WITHOUT_VIOLATION),
                new PopulationRules.Excluded("penalised-last-year-twice", Exclusion.ANNUAL_CAP_REACHED),
                new PopulationRules.Excluded("clean-twice", Exclusion.ANNUAL_CAP_REACHED)), frozen.excluded());
        assertEquals(2L, frozen.counts().get("annual-cap-without-violation"));
        assertEquals(2L, frozen.counts().get("annual-cap-reached"));

        // A cap for clean targets at or above the general one changes nothing.
        var same = new PopulationRules.Rules(Set.of(), rules.regions(), Set.of(), TODAY, 365, 2, 2, false);
        assertEquals(List.of("never", "clean-once", "clean-once-no-activity", "corrected-last-year-once"),
                PopulationRules.freeze(candidates, same).entries().stream().map(PopulationEntry::id).toList());
    }

    @Test
    void onlyNoProblemAndNoRelevantActivityAreNotViolations() {
        for (Outcome outcome : Outcome.values()) {
            boolean clean = outcome == Outcome.NO_PROBLEM || outcome == Outcome.NO_RELEVANT_ACTIVITY;
            assertEquals(!clean, PopulationRules.isViolation(outcome), outcome.label());
        }
        assertEquals(false, PopulationRules.violationLastYear(inspected("never", 0)));
        assertEquals(true, PopulationRules.violationLastYear(inspected("x", 0, Outcome.NO_PROBLEM, Outcome.REFERRED)));
    }

    @Test
    void priorityWeightsGrowWithComplaintsAndSeriousViolations() {
        var heavy = new EntityFacts("e1", "410402", List.of("技工院校"), "C", 3, true, null, null, 0, Set.of(), false,
                false);
        assertEquals("6", PopulationRules.weight(heavy, true));
        assertEquals("1", PopulationRules.weight(heavy, false));
    }

    @Test
    void strataAreRegionTimesRiskClass() {
        assertEquals("410402", PopulationRules.regionOf("410402/C"));
        assertEquals("C", PopulationRules.classOf("410402/C"));
        var onlyC = new PopulationRules.Rules(Set.of(), List.of(new RegionScope("410400")), Set.of("C"), TODAY, 0, 9, 9,
                false);
        assertEquals(1, PopulationRules.freeze(List.of(entity("a", "410402", "x", "C"), entity("b", "410403", "x", "B")),
                onlyC).entries().size());
    }
}
