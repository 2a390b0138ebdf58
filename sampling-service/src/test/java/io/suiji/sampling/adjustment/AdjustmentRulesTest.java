package io.suiji.sampling.adjustment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.registry.Leave;
import io.suiji.platform.problem.Problem.FieldError;
import io.suiji.sampling.draw.InspectorFacts;
import io.suiji.sampling.draw.InspectorRules;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdjustmentRulesTest {

    private static final InspectorRules.PoolRules RULES = new InspectorRules.PoolRules(Set.of("M2"), Set.of(), false,
            "410402", LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30));
    private static final String REASON = "张某 6 月病假，无法参加检查";
    private static final AdjustmentRules.Target TARGET = new AdjustmentRules.Target("e1", "410402", List.of("a", "b"),
            2, List.of("last"));

    private static final Map<String, InspectorFacts> REGISTRY = new HashMap<>();

    static {
        for (String id : List.of("a", "b", "c", "d", "last")) {
            REGISTRY.put(id, inspector(id, "410402", "ACTIVE", true, List.of(), "M2", List.of()));
        }
        REGISTRY.put("other-county", inspector("other-county", "410403", "ACTIVE", true, List.of(), "M2", List.of()));
        REGISTRY.put("retired", inspector("retired", "410402", "RETIRED", true, List.of(), "M2", List.of()));
        REGISTRY.put("uncertified", inspector("uncertified", "410402", "ACTIVE", false, List.of(), "M2", List.of()));
        REGISTRY.put("on-leave", inspector("on-leave", "410402", "ACTIVE", true,
                List.of(new Leave(LocalDate.of(2020, 6, 20), LocalDate.of(2020, 7, 10))), "M2", List.of()));
        REGISTRY.put("other-expertise", inspector("other-expertise", "410402", "ACTIVE", true, List.of(), "M9", List.of()));
        REGISTRY.put("conflicted", inspector("conflicted", "410402", "ACTIVE", true, List.of(), "M2", List.of("e1")));
    }

    private static InspectorFacts inspector(String id, String region, String status, boolean certified,
                                            List<Leave> leaves, String expertise, List<String> conflicts) {
        return new InspectorFacts(id, "监察局", region, List.of(expertise), status, certified, leaves, conflicts);
    }

    private static List<FieldError> check(List<String> replaced, List<String> replacing) {
        return AdjustmentRules.violations(new AdjustmentRules.Change(replaced, replacing, REASON), TARGET, REGISTRY,
                RULES);
    }

    @Test
    void anEligibleReplacementPassesAndTakesTheLeaversPlace() {
        assertEquals(List.of(), check(List.of("a"), List.of("c")));
        assertEquals(List.of("b", "c"), AdjustmentRules.groupAfter(List.of("a", "b"),
                new AdjustmentRules.Change(List.of("a"), List.of("c"), REASON)));
        assertEquals(List.of(), check(List.of("a", "b"), List.of("c", "d")));
        assertEquals(List.of(), check(List.of(), List.of("c")), "a third member may join");
    }

    @Test
    void everyNonRandomRuleOfTheDrawStillApplies() {
        Map<String, String> expected = Map.of(
                "other-county", "outside the region",
                "retired", "not active",
                "uncertified", "no law-enforcement certificate",
                "on-leave", "on leave during the batch",
                "other-expertise", "expertise does not match the matter",
                "conflicted", "declared a conflict of interest with the target",
                "last", "inspected the target last time (rotation)",
                "nobody", "no inspector nobody in the registry");
        expected.forEach((id, why) -> {
            List<FieldError> errors = check(List.of("a"), List.of(id));
            assertEquals(1, errors.size(), id + ": " + errors);
            assertEquals("replacingInspectorIds[0]", errors.get(0).field());
            assertTrue(errors.get(0).message().contains(why), errors.get(0).message());
        });
    }

    @Test
    void theDepartmentAndLevelFlagsOfTheTaskApply() {
        var strict = new InspectorRules.PoolRules(Set.of("M2"), Set.of("职业能力建设科"), true, "410402",
                LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30));
        List<FieldError> errors = AdjustmentRules.violations(new AdjustmentRules.Change(List.of("a"), List.of("c"),
                REASON), TARGET, REGISTRY, strict);
        assertTrue(errors.get(0).message().contains("not of the task's departments"), errors.toString());
    }

    @Test
    void theGroupKeepsAtLeastTwoAndTheDrawsSize() {
        List<FieldError> errors = check(List.of("a"), List.of());
        assertEquals("replacingInspectorIds", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("would have 1"), errors.toString());
        var three = new AdjustmentRules.Target("e1", "410402", List.of("a", "b", "c"), 3, List.of());
        assertFalse(AdjustmentRules.violations(new AdjustmentRules.Change(List.of("a"), List.of(), REASON), three,
                REGISTRY, RULES).isEmpty());
        var smallSizeRecorded = new AdjustmentRules.Target("e1", "410402", List.of("a", "b", "c"), 1, List.of());
        assertEquals(List.of(), AdjustmentRules.violations(new AdjustmentRules.Change(List.of("a"), List.of(), REASON),
                smallSizeRecorded, REGISTRY, RULES));
    }

    @Test
    void namesEachMalformedPartOfTheRequest() {
        assertEquals(List.of("reason"), fields(AdjustmentRules.violations(new AdjustmentRules.Change(List.of("a"),
                List.of("c"), " "), TARGET, REGISTRY, RULES)));
        assertEquals(List.of("reason"), fields(AdjustmentRules.violations(new AdjustmentRules.Change(List.of("a"),
                List.of("c"), "很".repeat(AdjustmentRules.MAX_REASON_LENGTH + 1)), TARGET, REGISTRY, RULES)));
        assertEquals(List.of("reason", "replacedInspectorIds"), fields(AdjustmentRules.violations(
                new AdjustmentRules.Change(null, null, null), TARGET, REGISTRY, RULES)));
        assertEquals(List.of("replacedInspectorIds[0]"), fields(check(List.of("c"), List.of("d"))));
        assertEquals(List.of("replacedInspectorIds[1]"), fields(check(List.of("a", "a"), List.of("c"))));
        assertEquals(List.of("replacingInspectorIds[0]"), fields(check(List.of("a"), List.of("b"))));
        assertEquals(List.of("replacingInspectorIds[0]"), fields(check(List.of("a"), List.of("a"))));
        assertEquals(List.of("replacingInspectorIds[1]"), fields(check(List.of("a"), List.of("c", "c"))));
        assertEquals(List.of("replacedInspectorIds[0]", "replacingInspectorIds[0]"),
                fields(check(java.util.Arrays.asList((String) null), java.util.Arrays.asList(""))));
    }

    @Test
    void theProposerNeverDecidesTheirOwnAdjustment() {
        assertFalse(AdjustmentRules.isSecondPerson("planner-wang", "planner-wang"));
        assertFalse(AdjustmentRules.isSecondPerson("planner-wang", null));
        assertTrue(AdjustmentRules.isSecondPerson("planner-wang", "supervisor-zhao"));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
