package io.suiji.contracts.sampling;

import io.suiji.contracts.Copies;
import io.suiji.contracts.catalog.InspectionMethod;
import java.util.List;

/**
 * 抽查任务 — matters with alike targets and methods merged into one task, possibly a joint
 * inspection (联合抽查) with participating departments.
 */
public record PlanTask(
        String taskId,
        String name,
        List<String> matterCodes,
        String leadDepartment,
        List<String> participatingDepartments,
        List<Batch> batches,
        List<InspectionMethod> methods) {

    public PlanTask {
        matterCodes = Copies.list(matterCodes);
        participatingDepartments = Copies.list(participatingDepartments);
        batches = Copies.list(batches);
        methods = Copies.list(methods);
    }
}
