package io.suiji.contracts.publication;

import io.suiji.contracts.SuijiEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 抽查结果已公示
 *
 * @param dueDate     20 working days after the task's batch completed
 * @param itemCount   results published
 * @param exemptCount results withheld because the law exempts them (reason recorded per item)
 */
public record ResultPublished(
        String disclosureId,
        String taskId,
        int batch,
        String region,
        String department,
        LocalDate dueDate,
        Instant publishedAt,
        boolean onTime,
        int itemCount,
        int exemptCount) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return disclosureId;
    }
}
