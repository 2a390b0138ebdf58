package io.suiji.enforcement.assignment;

import com.fasterxml.jackson.core.type.TypeReference;
import io.suiji.contracts.EventJson;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.enforcement.matter.MatterItems;
import io.suiji.enforcement.record.CheckItem;
import io.suiji.enforcement.record.Finding;
import io.suiji.enforcement.record.InspectionRules;
import io.suiji.enforcement.record.MemberView;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An assignment as the API shows it.
 *
 * @param checkItems the numbers of the matter version's check items (null while unknown)
 * @param items      检查内容: each check item's number and text
 * @param methods    检查方式 of the matter version; {@code method} must be one of them (empty while unknown)
 * @param unanswered check items still without an answer (only when the items are known)
 * @param overdue    still open after the batch's end date
 */
public record AssignmentView(
        UUID id,
        String drawId,
        String taskId,
        int batch,
        String matterCode,
        int matterVersion,
        String entityId,
        String entityRegion,
        boolean control,
        LocalDate batchStart,
        LocalDate batchEnd,
        String status,
        List<MemberView> group,
        List<String> checkItems,
        List<CheckItem> items,
        List<InspectionMethod> methods,
        String method,
        Map<String, Finding> findings,
        List<String> unanswered,
        Outcome outcome,
        String outcomeLabel,
        Penalty penalty,
        String outcomeNotes,
        String startedBy,
        LocalDate startedOn,
        LocalDate closedOn,
        boolean overdue,
        List<AdjustmentView> adjustments) {

    /**
     * An approved manual adjustment of the group (调整执法人员) and what it did here: {@code APPLIED},
     * or {@code TOO_LATE} when the inspection had already closed with the earlier group.
     */
    public record AdjustmentView(String adjustmentId, String outcome, List<String> replacedInspectorIds,
                                 List<String> replacingInspectorIds, String reason, String proposedBy,
                                 String approvedBy, OffsetDateTime approvedAt) {
    }

    private static final TypeReference<LinkedHashMap<String, Finding>> FINDINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> ITEMS = new TypeReference<>() {
    };

    static AssignmentView of(Assignment a, MatterItems matter, LocalDate today) {
        Map<String, Finding> findings = findings(a);
        List<String> items = checkItems(a);
        Outcome outcome = a.outcome == null ? null : Outcome.valueOf(a.outcome);
        boolean open = a.status == Assignment.Status.ASSIGNED || a.status == Assignment.Status.IN_PROGRESS;
        return new AssignmentView(a.id, a.drawId, a.taskId, a.batch, a.matterCode, a.matterVersion, a.entityId,
                a.entityRegion, a.control, a.batchStart, a.batchEnd, a.status.name(),
                a.members.stream().map(m -> new MemberView(m.inspectorId, m.confirmedAt != null, m.confirmedAt)).toList(),
                items, CheckItem.of(items, matter.texts()), matter.methods(), a.method, findings,
                InspectionRules.unanswered(items, findings), outcome,
                outcome == null ? null : outcome.label(), penalty(a), a.outcomeNotes, a.startedBy, a.startedOn,
                a.closedOn, open && a.batchEnd != null && a.batchEnd.isBefore(today),
                a.adjustments.stream().map(AssignmentView::adjustment).toList());
    }

    private static AdjustmentView adjustment(GroupAdjustment g) {
        return new AdjustmentView(g.adjustmentId, g.outcome.name(), read(g.replacedInspectorIds, ITEMS, List.of()),
                read(g.replacingInspectorIds, ITEMS, List.of()), g.reason, g.proposedBy, g.approvedBy, g.approvedAt);
    }

    static Map<String, Finding> findings(Assignment a) {
        return read(a.findings, FINDINGS, new LinkedHashMap<>());
    }

    static List<String> checkItems(Assignment a) {
        return read(a.checkItems, ITEMS, null);
    }

    static Penalty penalty(Assignment a) {
        if (a.penaltyDecisionNumber == null && a.penaltyAmount == null && a.penaltyLegalBasis == null) {
            return null;
        }
        return new Penalty(a.penaltyDecisionNumber, a.penaltyAmount, a.penaltyLegalBasis);
    }

    private static <T> T read(String json, TypeReference<T> type, T fallback) {
        if (json == null || json.isBlank() || json.equals("null")) {
            return fallback;
        }
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
