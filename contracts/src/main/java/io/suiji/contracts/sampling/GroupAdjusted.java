package io.suiji.contracts.sampling;

import io.suiji.contracts.Copies;
import io.suiji.contracts.SuijiEvent;
import java.time.Instant;
import java.util.List;

/**
 * 执法检查人员已调整 — a supervisor approved a manual change to the inspector group of one drawn
 * target. The change is outside the random draw: the drawn group stays in the draw's proof and in
 * {@link TargetSelected}; this event says who replaced whom, why, and who proposed and approved it.
 * Keyed by the draw, like {@code TargetSelected}, so it follows the selection it changes in one
 * partition.
 *
 * @param adjustmentId          the adjustment's id; the same adjustment is applied once whatever the
 *                              event id
 * @param ordinal               the selection's 1-based position in the draw (as in TargetSelected)
 * @param previousInspectorIds  the group before this adjustment (the drawn one, or an earlier adjustment's)
 * @param inspectorIds          the group after it, at least two
 * @param replacedInspectorIds  who left the group
 * @param replacingInspectorIds who joined it
 * @param reason                调整原因, as the proposer wrote it
 * @param proposedBy            the planner who proposed it
 * @param approvedBy            the supervisor who approved it (never the proposer)
 */
public record GroupAdjusted(
        String drawId,
        String adjustmentId,
        String taskId,
        int batch,
        String entityId,
        int ordinal,
        List<String> previousInspectorIds,
        List<String> inspectorIds,
        List<String> replacedInspectorIds,
        List<String> replacingInspectorIds,
        String reason,
        String proposedBy,
        Instant proposedAt,
        String approvedBy,
        Instant approvedAt) implements SuijiEvent {

    public GroupAdjusted {
        previousInspectorIds = Copies.list(previousInspectorIds);
        inspectorIds = Copies.list(inspectorIds);
        replacedInspectorIds = Copies.list(replacedInspectorIds);
        replacingInspectorIds = Copies.list(replacingInspectorIds);
    }

    @Override
    public String aggregateId() {
        return drawId;
    }
}
