package io.suiji.enforcement.assignment;

/** What an approved manual adjustment of the group (调整执法人员) does to an assignment, as plain Java. */
public final class AdjustmentRules {

    /** What an approved manual adjustment of the group (调整执法人员) does to an assignment. */
    public enum AdjustmentOutcome {
        /** the open assignment takes the new group; confirmations already given are withdrawn */
        APPLIED,
        /** the inspection is closed: the group that inspected stays on record, the adjustment is noted */
        TOO_LATE,
        /** the draw was cancelled: nothing to inspect, the adjustment is noted */
        ASSIGNMENT_CANCELLED
    }

    private AdjustmentRules() {
    }

    /**
     * History is not rewritten: only an assignment still open changes its group; a closed record keeps
     * the people who inspected and confirmed it.
     */
    public static AdjustmentOutcome adjustmentOutcome(Assignment.Status status) {
        return switch (status) {
            case ASSIGNED, IN_PROGRESS -> AdjustmentOutcome.APPLIED;
            case CLOSED -> AdjustmentOutcome.TOO_LATE;
            case CANCELLED -> AdjustmentOutcome.ASSIGNMENT_CANCELLED;
        };
    }
}
