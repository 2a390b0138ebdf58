package io.suiji.enforcement.cases;

import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A targeted case as the API shows it; {@code assignment} is always {@code MANUAL} (指定, not 随机). */
public record CaseView(UUID id, CaseSource source, String sourceLabel, String sourceReference, String entityId,
                       String region, String matterCode, String department, List<String> inspectorIds,
                       String assignment, String assignedBy, String status, LocalDate openedOn, Outcome outcome,
                       String outcomeLabel, Penalty penalty, String outcomeNotes, String closedBy,
                       LocalDate closedOn) {
}
