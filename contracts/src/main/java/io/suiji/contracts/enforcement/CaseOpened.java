package io.suiji.contracts.enforcement;

import io.suiji.contracts.SuijiEvent;
import java.time.LocalDate;

/**
 * 案件已立案 — a targeted inspection outside the random draw; the entity is excluded from draws
 * while the case is open.
 *
 * @param matterCode      null when the case fits no catalogue matter
 * @param sourceReference e.g. the complaint's registration number
 */
public record CaseOpened(
        String caseId,
        String entityId,
        String matterCode,
        CaseSource source,
        String sourceReference,
        LocalDate openedOn) implements SuijiEvent {

    @Override
    public String aggregateId() {
        return caseId;
    }
}
