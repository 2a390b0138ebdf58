package io.suiji.sampling.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.suiji.contracts.registry.Leave;
import io.suiji.sampling.draw.InspectorRules.Rejection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InspectorRulesTest {

    private static final InspectorRules.PoolRules RULES = new InspectorRules.PoolRules(Set.of("M2", "技工院校"),
            Set.of(), false, "410402", LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30));

    private static InspectorFacts inspector(String id, String region, String status, boolean certified,
                                            List<Leave> leaves, String expertise) {
        return new InspectorFacts(id, "监察局", region, List.of(expertise), status, certified, leaves, List.of("e9"));
    }

    @Test
    void thePoolKeepsActiveCertifiedMatchingInspectorsOfTheRegionWhoAreNotOnLeave() {
        assertEquals(Optional.empty(), InspectorRules.poolRejection(inspector("a", "410402", "ACTIVE", true, List.of(), "M2"), RULES));
        assertEquals(Optional.empty(), InspectorRules.poolRejection(inspector("city", "410400", "ACTIVE", true, List.of(), "技工院校"), RULES));
        assertEquals(Optional.of(Rejection.NOT_ACTIVE), InspectorRules.poolRejection(inspector("b", "410402", "RETIRED", true, List.of(), "M2"), RULES));
        assertEquals(Optional.of(Rejection.NOT_CERTIFIED), InspectorRules.poolRejection(inspector("c", "410402", "ACTIVE", false, List.of(), "M2"), RULES));
        assertEquals(Optional.of(Rejection.ON_LEAVE), InspectorRules.poolRejection(inspector("d", "410402", "ACTIVE", true,
                List.of(new Leave(LocalDate.of(2020, 6, 30), LocalDate.of(2020, 7, 5))), "M2"), RULES));
        assertEquals(Optional.empty(), InspectorRules.poolRejection(inspector("e", "410402", "ACTIVE", true,
                List.of(new Leave(LocalDate.of(2020, 7, 1), LocalDate.of(2020, 7, 5))), "M2"), RULES));
        assertEquals(Optional.of(Rejection.OUTSIDE_REGION), InspectorRules.poolRejection(inspector("f", "410403", "ACTIVE", true, List.of(), "M2"), RULES));
        assertEquals(Optional.of(Rejection.EXPERTISE), InspectorRules.poolRejection(inspector("g", "410402", "ACTIVE", true, List.of(), "M5"), RULES));

        var sameDepartmentAndLevel = new InspectorRules.PoolRules(Set.of("M2"), Set.of("职业能力建设科"), true, "410400",
                LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30));
        assertEquals(Optional.of(Rejection.DEPARTMENT), InspectorRules.poolRejection(inspector("h", "410400", "ACTIVE", true, List.of(), "M2"), sameDepartmentAndLevel));
        var sameLevel = new InspectorRules.PoolRules(Set.of("M2"), Set.of(), true, "410400",
                LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30));
        assertEquals(Optional.of(Rejection.LEVEL), InspectorRules.poolRejection(inspector("i", "410402", "ACTIVE", true, List.of(), "M2"), sameLevel));
    }

    @Test
    void perTargetTheRegionConflictsAndRotationDecide() {
        InspectorFacts county = inspector("a", "410402", "ACTIVE", true, List.of(), "M2");
        assertEquals(Optional.empty(), InspectorRules.targetRejection(county, "e1", "410402", List.of()));
        assertEquals(Optional.of(Rejection.OUTSIDE_REGION), InspectorRules.targetRejection(county, "e1", "410403", List.of()));
        assertEquals(Optional.of(Rejection.CONFLICT), InspectorRules.targetRejection(county, "e9", "410402", List.of()));
        assertEquals(Optional.of(Rejection.PREVIOUS_INSPECTOR), InspectorRules.targetRejection(county, "e1", "410402", List.of("a")));
        assertEquals(Map.of(Rejection.CONFLICT, 2L, Rejection.EXPERTISE, 1L), InspectorRules.count(List.of(
                Optional.of(Rejection.CONFLICT), Optional.empty(), Optional.of(Rejection.EXPERTISE), Optional.of(Rejection.CONFLICT))));
        assertEquals("left out: 1 expertise does not match the matter, 2 declared a conflict of interest with the target",
                InspectorRules.describe(InspectorRules.count(List.of(Optional.of(Rejection.CONFLICT),
                        Optional.of(Rejection.EXPERTISE), Optional.of(Rejection.CONFLICT)))));
    }
}
