package io.suiji.contracts.enforcement;

import io.suiji.contracts.SuijiEvent;
import java.time.LocalDate;

/** 案件已办结 */
public record CaseClosed(String caseId, String entityId, LocalDate closedOn, Outcome outcome)
        implements SuijiEvent {

    @Override
    public String aggregateId() {
        return caseId;
    }
}
