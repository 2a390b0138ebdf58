package io.suiji.contracts.enforcement;

import io.suiji.contracts.Copies;
import io.suiji.contracts.SuijiEvent;
import java.time.LocalDate;
import java.util.List;

/**
 * 检查已办结 — an inspection from a draw (assignment, draw, task and batch set) or of a targeted
 * case (case set), with its outcome.
 *
 * @param entityRegion 6-digit GB/T 2260 division code
 * @param penalty      set when the outcome involved a penalty decision, else null
 */
public record InspectionClosed(
        String inspectionId,
        String assignmentId,
        String drawId,
        String caseId,
        String taskId,
        Integer batch,
        String entityId,
        String entityRegion,
        String matterCode,
        Outcome outcome,
        Penalty penalty,
        List<String> inspectorIds,
        LocalDate startedOn,
        LocalDate closedOn,
        String department) implements SuijiEvent {

    public InspectionClosed {
        inspectorIds = Copies.list(inspectorIds);
    }

    @Override
    public String aggregateId() {
        return inspectionId;
    }
}
