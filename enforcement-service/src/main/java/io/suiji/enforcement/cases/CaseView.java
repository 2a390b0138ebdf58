package io.suiji.enforcement.cases;

import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.CaseSource;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.enforcement.record.CheckItem;
import io.suiji.enforcement.record.Finding;
import io.suiji.enforcement.record.MemberView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A targeted case as the API shows it; {@code assignment} is always {@code MANUAL} (指定, not 随机).
 *
 * @param region        the target's region (the registry's, when it knows the target)
 * @param matterVersion the matter's version current when the case was opened
 * @param group         the assigned inspectors and whether each confirmed the record as it stands
 * @param items         检查内容: each check item's number and text
 * @param methods       检查方式 of the matter version; {@code method} must be one of them (empty: any)
 * @param unanswered    check items still without an answer (only when the items are known)
 * @param startedOn     the day the inspection started (its date of record once findings give one); null before
 * @param closedBy      the inspector whose confirmation, the last one, closed the case
 */
public record CaseView(UUID id, CaseSource source, String sourceLabel, String sourceReference, String entityId,
                       String region, String matterCode, Integer matterVersion, String department,
                       List<String> inspectorIds, List<MemberView> group, String assignment, String assignedBy,
                       String status, LocalDate openedOn, String startedBy, LocalDate startedOn,
                       List<String> checkItems, List<CheckItem> items,
                       List<InspectionMethod> methods, InspectionMethod method, Map<String, Finding> findings,
                       List<String> unanswered, LocalDate inspectedOn, Outcome outcome, String outcomeLabel,
                       Penalty penalty, String outcomeNotes, LocalDate concludedOn, String closedBy,
                       LocalDate closedOn) {
}
