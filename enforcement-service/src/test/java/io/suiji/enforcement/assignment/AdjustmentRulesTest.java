package io.suiji.enforcement.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdjustmentRulesTest {

    @Test
    void anAdjustmentChangesOnlyAnOpenAssignmentsGroup() {
        assertEquals(AdjustmentRules.AdjustmentOutcome.APPLIED, AdjustmentRules.adjustmentOutcome(Assignment.Status.ASSIGNED));
        assertEquals(AdjustmentRules.AdjustmentOutcome.APPLIED, AdjustmentRules.adjustmentOutcome(Assignment.Status.IN_PROGRESS));
        assertEquals(AdjustmentRules.AdjustmentOutcome.TOO_LATE, AdjustmentRules.adjustmentOutcome(Assignment.Status.CLOSED));
        assertEquals(AdjustmentRules.AdjustmentOutcome.ASSIGNMENT_CANCELLED,
                AdjustmentRules.adjustmentOutcome(Assignment.Status.CANCELLED));
    }
}
