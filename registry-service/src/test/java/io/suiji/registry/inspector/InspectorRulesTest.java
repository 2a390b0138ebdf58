package io.suiji.registry.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.suiji.contracts.registry.ConflictDeclaration;
import io.suiji.contracts.registry.InspectorStatus;
import io.suiji.contracts.registry.Leave;
import io.suiji.registry.FieldProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InspectorRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final String ENTITY = UUID.randomUUID().toString();

    @Test
    void aCompleteInspectorIsCleanedUp() {
        var checked = InspectorRules.check(new InspectorFacts(" 张伟 ", "hn-pds-0001", "劳动保障监察局（支队）", "410400",
                List.of("用人单位", " 用人单位", "PDS-2020-07"), null,
                List.of(new Leave(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 10))),
                List.of(new ConflictDeclaration(ENTITY, "原工作单位", null))), TODAY);
        assertTrue(checked.valid(), checked.problems().toString());
        assertEquals("张伟", checked.facts().name());
        assertEquals("HN-PDS-0001", checked.facts().certificateNumber());
        assertEquals(List.of("用人单位", "PDS-2020-07"), checked.facts().expertise());
        assertEquals(InspectorStatus.ACTIVE, checked.facts().status());
        assertEquals(TODAY, checked.facts().conflicts().get(0).declaredOn(), "declared today unless stated");
    }

    @Test
    void badLeavesConflictsAndStatusesAreNamed() {
        var checked = InspectorRules.check(new InspectorFacts("李娜", "证 1", "", "410499", List.of(), InspectorStatus.ON_LEAVE,
                List.of(new Leave(LocalDate.of(2025, 5, 10), LocalDate.of(2025, 5, 1))),
                List.of(new ConflictDeclaration("not-a-uuid", "", LocalDate.of(2025, 7, 1)),
                        new ConflictDeclaration(ENTITY, "亲属任职", null), new ConflictDeclaration(ENTITY, "亲属任职", null))),
                TODAY);
        assertEquals(List.of("certificateNumber", "department", "region", "leaves[0]", "leaves", "conflicts[0].entityId",
                "conflicts[0].reason", "conflicts[0].declaredOn", "conflicts[2].entityId"),
                checked.problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void overlappingLeavesAndRetirementThroughUpdateAreRefused() {
        var checked = InspectorRules.check(new InspectorFacts("王强", null, "劳动关系科", "410402", List.of(), InspectorStatus.RETIRED,
                List.of(new Leave(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 10)),
                        new Leave(LocalDate.of(2025, 7, 10), LocalDate.of(2025, 7, 12))), List.of()), TODAY);
        assertEquals(List.of("status", "leaves"), checked.problems().stream().map(FieldProblem::field).toList());
    }

    @Test
    void onLeaveCoversBothEnds() {
        var leaves = List.of(new Leave(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 10)));
        assertTrue(InspectorRules.onLeave(leaves, LocalDate.of(2025, 7, 1)));
        assertTrue(InspectorRules.onLeave(leaves, LocalDate.of(2025, 7, 10)));
        assertFalse(InspectorRules.onLeave(leaves, LocalDate.of(2025, 7, 11)));
    }
}
