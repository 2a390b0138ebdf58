package io.suiji.contracts.publication;

import io.suiji.contracts.SuijiEvent;
import java.time.LocalDate;

/** 公示即将到期 */
public record PublicationDueSoon(
        String disclosureId, String taskId, int batch, LocalDate dueDate, int workingDaysLeft)
        implements SuijiEvent {

    @Override
    public String aggregateId() {
        return disclosureId;
    }
}
