package io.suiji.contracts.publication;

import io.suiji.contracts.SuijiEvent;
import java.time.LocalDate;

/** 公示已逾期 */
public record PublicationOverdue(String disclosureId, String taskId, int batch, LocalDate dueDate)
        implements SuijiEvent {

    @Override
    public String aggregateId() {
        return disclosureId;
    }
}
