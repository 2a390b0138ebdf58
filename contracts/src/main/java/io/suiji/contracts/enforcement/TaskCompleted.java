package io.suiji.contracts.enforcement;

import io.suiji.contracts.SuijiEvent;
import java.time.LocalDate;

/**
 * 抽查任务已完成 — every assignment of a task's batch is closed; the 20-working-day publication
 * deadline runs from {@code completedOn}.
 */
public record TaskCompleted(
        String taskId,
        int batch,
        String drawId,
        String region,
        String department,
        long assignmentCount,
        LocalDate completedOn) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return taskId + "/" + batch;
    }
}
