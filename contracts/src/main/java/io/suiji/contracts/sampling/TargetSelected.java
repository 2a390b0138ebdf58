package io.suiji.contracts.sampling;

import io.suiji.contracts.Copies;
import io.suiji.contracts.SuijiEvent;
import java.time.LocalDate;
import java.util.List;

/**
 * 检查对象已抽中 — one per drawn entity, with its inspector group. Keyed by the draw, not the
 * entity, so a draw's selections stay in one partition in {@code ordinal} order.
 *
 * @param stratum              region × credit-risk class the entity was drawn in
 * @param inclusionProbability the entity's recorded probability of being drawn (0, 1]
 * @param control              drawn as a control sample rather than as a regular target
 * @param inspectorIds         the randomly drawn group, at least two
 * @param ordinal              1-based position in the selection list
 */
public record TargetSelected(
        String drawId,
        String taskId,
        int batch,
        String matterCode,
        int matterVersion,
        String entityId,
        String entityRegion,
        String stratum,
        double inclusionProbability,
        boolean control,
        List<String> inspectorIds,
        LocalDate batchStart,
        LocalDate batchEnd,
        int ordinal) implements SuijiEvent {

    public TargetSelected {
        inspectorIds = Copies.list(inspectorIds);
    }

    @Override
    public String aggregateId() {
        return drawId;
    }
}
