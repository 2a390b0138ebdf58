package io.suiji.enforcement.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.suiji.contracts.catalog.InspectionMethod;
import io.suiji.contracts.enforcement.Outcome;
import io.suiji.contracts.enforcement.Penalty;
import io.suiji.enforcement.record.InspectionRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 检查任务 — one drawn target with its inspector group, and the record of its inspection. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    public enum Status { ASSIGNED, IN_PROGRESS, CLOSED, CANCELLED }

    @Id
    public UUID id;

    @Column(name = "draw_id")
    public String drawId;

    @Column(name = "task_id")
    public String taskId;

    public int batch;

    @Column(name = "matter_code")
    public String matterCode;

    @Column(name = "matter_version")
    public int matterVersion;

    @Column(name = "entity_id")
    public String entityId;

    @Column(name = "entity_region")
    public String entityRegion;

    public int ordinal;

    public boolean control;

    @Column(name = "batch_start")
    public LocalDate batchStart;

    @Column(name = "batch_end")
    public LocalDate batchEnd;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    /** JSON list of the matter version's check item numbers; null when the event did not carry them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "check_items", columnDefinition = "json")
    public String checkItems;

    public String method;

    /** JSON object: item number → {result, notes}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "json")
    public String findings;

    public String outcome;

    @Column(name = "penalty_decision_number")
    public String penaltyDecisionNumber;

    @Column(name = "penalty_amount")
    public BigDecimal penaltyAmount;

    @Column(name = "penalty_legal_basis")
    public String penaltyLegalBasis;

    @Column(name = "outcome_notes")
    public String outcomeNotes;

    @Column(name = "started_by")
    public String startedBy;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    /** The date the record gives for its conclusion, when entered after the fact; null = the day it closes. */
    @Column(name = "concluded_on")
    public LocalDate concludedOn;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assignment_member", joinColumns = @JoinColumn(name = "assignment_id"))
    public List<Member> members = new ArrayList<>();

    /** Manual adjustments of the group received for this assignment, applied or not (调整执法人员). */
    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "assignment_id", insertable = false, updatable = false)
    @OrderBy("approvedAt")
    @BatchSize(size = 100)
    public List<GroupAdjustment> adjustments = new ArrayList<>();

    public boolean hasMember(String inspectorId) {
        return members.stream().anyMatch(m -> m.inspectorId.equals(inspectorId));
    }

    public List<String> inspectorIds() {
        return members.stream().map(m -> m.inspectorId).toList();
    }

    /** The inspection record as the shared rules see it; {@code methods}: the matter version's 检查方式. */
    public InspectionRecord record(List<InspectionMethod> methods) {
        Map<String, OffsetDateTime> confirmations = new LinkedHashMap<>();
        members.forEach(m -> confirmations.put(m.inspectorId, m.confirmedAt));
        return new InspectionRecord(AssignmentView.checkItems(this), methods, batchStart,
                method == null ? null : InspectionMethod.valueOf(method), AssignmentView.findings(this), startedOn,
                outcome == null ? null : Outcome.valueOf(outcome), AssignmentView.penalty(this), outcomeNotes,
                concludedOn, confirmations);
    }

    /** Writes the record back (the group itself changes only through 调整执法人员). */
    public void store(InspectionRecord record) {
        method = record.method() == null ? null : record.method().name();
        findings = SelectionProjection.json(record.findings());
        if (record.inspectedOn() != null) {
            startedOn = record.inspectedOn();
        }
        outcome = record.outcome() == null ? null : record.outcome().name();
        Penalty penalty = record.penalty();
        penaltyDecisionNumber = penalty == null ? null : penalty.decisionNumber();
        penaltyAmount = penalty == null ? null : penalty.amount();
        penaltyLegalBasis = penalty == null ? null : penalty.legalBasis();
        outcomeNotes = record.outcomeNotes();
        concludedOn = record.concludedOn();
        members.forEach(m -> m.confirmedAt = record.confirmations().get(m.inspectorId));
        updatedAt = OffsetDateTime.now();
    }
}
